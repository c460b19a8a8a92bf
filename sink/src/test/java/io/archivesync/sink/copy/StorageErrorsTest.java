package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyOutcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class StorageErrorsTest {

    private static final String WHAT = "copy of s3://src/data/a.zip";

    @Test
    void shouldClassifyAMissingSourceAsNotFound() {
        // Given / When
        StorageErrors.Classified c = StorageErrors.classify(s3Error(404, "NoSuchKey", "The key does not exist"), WHAT);

        // Then
        assertThat(c.outcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
        assertThat(c.errorClass()).isEqualTo("NoSuchKey");
        assertThat(c.message()).startsWith(WHAT).contains("not found", "404");
    }

    @Test
    void shouldClassifyRefusedAccess() {
        // Given / When
        StorageErrors.Classified c = StorageErrors.classify(s3Error(403, "AccessDenied", "Access Denied"), WHAT);

        // Then
        assertThat(c.outcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
        assertThat(c.errorClass()).isEqualTo("AccessDenied");
        assertThat(c.message()).startsWith(WHAT).contains("access denied");
    }

    @Test
    void shouldExplainAFailedPreconditionAsAChangedSource() {
        // Given / When
        StorageErrors.Classified c = StorageErrors.classify(
                s3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold"),
                WHAT);

        // Then
        assertThat(c.outcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(c.errorClass()).isEqualTo("PreconditionFailed");
        assertThat(c.message()).startsWith(WHAT).contains("source changed");
    }

    @Test
    void shouldKeepTheServersCodeAndMessageForOtherErrors() {
        // Given a server error wrapped as an async client delivers it
        Throwable error = new CompletionException(s3Error(500, "InternalError", "We encountered an internal error"));

        // When
        StorageErrors.Classified c = StorageErrors.classify(error, WHAT);

        // Then
        assertThat(c.outcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(c.errorClass()).isEqualTo("InternalError");
        assertThat(c.message()).startsWith(WHAT).contains("We encountered an internal error", "500");
    }

    @Test
    void shouldClassifyAnS3ErrorWithoutDetailsByItsStatus() {
        // Given an error response without a body (as for HEAD requests or a proxy's 503)
        S3Exception bare = (S3Exception) S3Exception.builder().statusCode(503).build();
        S3Exception bareNotFound = (S3Exception) S3Exception.builder().statusCode(404).build();

        // When
        StorageErrors.Classified c = StorageErrors.classify(bare, WHAT);
        StorageErrors.Classified notFound = StorageErrors.classify(bareNotFound, WHAT);

        // Then
        assertThat(c.outcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(c.errorClass()).isEqualTo("HTTP503");
        assertThat(c.message()).startsWith(WHAT).contains("503");
        assertThat(notFound.outcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
        assertThat(notFound.errorClass()).isEqualTo("HTTP404");
    }

    @Test
    void shouldClassifyClientSideFailures() {
        // Given / When
        StorageErrors.Classified timeout = StorageErrors.classify(new CompletionException(new TimeoutException()), WHAT);
        StorageErrors.Classified client = StorageErrors.classify(
                SdkClientException.create("Unable to execute HTTP request: Connection refused"), WHAT);
        StorageErrors.Classified other = StorageErrors.classify(new IllegalStateException("pool closed"), WHAT);

        // Then
        assertThat(timeout.errorClass()).isEqualTo("Timeout");
        assertThat(timeout.message()).isEqualTo(WHAT + ": timed out");
        assertThat(client.errorClass()).isEqualTo("ClientError");
        assertThat(client.message()).contains("Connection refused");
        assertThat(other.errorClass()).isEqualTo("IllegalStateException");
        assertThat(other.message()).contains("pool closed");
        assertThat(java.util.List.of(timeout, client, other)).extracting(StorageErrors.Classified::outcome)
                .containsOnly(CopyOutcome.FAILED_OTHER);
    }

    private static S3Exception s3Error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }
}
