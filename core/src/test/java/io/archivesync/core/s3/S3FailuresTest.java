package io.archivesync.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.S3Settings;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the SDK throws becomes one line naming the setting to fix. */
class S3FailuresTest {

    private final S3Settings minio = new S3Settings("http://minio:pw@minio:9000", "us-east-1", "AKIA", "wrong", true, 8);

    @Test
    void shouldNameTheCredentialSettingsWhenS3RefusesTheSecret() {
        // Given
        S3Exception refused = s3Exception(403, "SignatureDoesNotMatch");

        // When
        String line = S3Failures.describe(refused, minio, "to list s3://src");

        // Then
        assertThat(S3Failures.credentialsRefused(refused)).isTrue();
        assertThat(line).isEqualTo("S3 at s3.endpoint=http://minio:****@minio:9000 refused the credentials to list "
                + "s3://src (HTTP 403 SignatureDoesNotMatch): check s3.accessKey and s3.secretKey");
    }

    @Test
    void shouldTellAMissingPermissionFromAWrongSecret() {
        // Given / When / Then
        S3Exception denied = s3Exception(403, "AccessDenied");
        assertThat(S3Failures.accessDenied(denied)).isTrue();
        assertThat(S3Failures.credentialsRefused(denied)).isFalse();
        assertThat(S3Failures.describe(denied, minio, "to list s3://src")).contains("denied access to list s3://src");
    }

    @Test
    void shouldNameTheEndpointSettingWhenNothingAnswers() {
        // Given
        SdkClientException unreachable = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));

        // When
        String line = S3Failures.describe(unreachable, minio, "to list s3://src");

        // Then
        assertThat(line).isEqualTo("cannot reach S3 at s3.endpoint=http://minio:****@minio:9000 to list s3://src: "
                + "Connection refused; fix s3.endpoint (or --s3-endpoint)");
    }

    private static S3Exception s3Exception(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
