package io.archivesync.sink;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.core.config.S3Settings;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The copier checks its storage at start-up, and says which setting to fix when it cannot use it. */
@ExtendWith(StackExtension.class)
class StorageCheckIT {

    @Test
    void shouldPassWithTheServersCredentials(Stack.S3Endpoint s3) {
        // Given / When / Then
        assertThatCode(() -> StorageCheck.requireUsable(settings(s3, s3.secretKey()))).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheCredentialSettingsWhenTheSecretIsWrong(Stack.S3Endpoint s3) {
        // Given / When / Then
        assertThatThrownBy(() -> StorageCheck.requireUsable(settings(s3, "not-the-secret")))
                .hasMessageStartingWith("S3 at s3.endpoint=" + s3.endpoint() + " refused the credentials when the "
                        + "copier checked its storage")
                .hasMessageEndingWith("check s3.accessKey and s3.secretKey");
    }

    @Test
    void shouldNameTheEndpointSettingWhenNothingAnswers(Stack.S3Endpoint s3) {
        // Given a port nothing listens on; When / Then
        assertThatThrownBy(() -> StorageCheck.requireUsable(new S3Settings("http://127.0.0.1:1", s3.region(),
                s3.accessKey(), s3.secretKey(), true, 4)))
                .hasMessageStartingWith("cannot reach S3 at s3.endpoint=http://127.0.0.1:1 when the copier checked")
                .hasMessageEndingWith("fix s3.endpoint (or --s3-endpoint)");
    }

    private static S3Settings settings(Stack.S3Endpoint s3, String secret) {
        return new S3Settings(s3.endpoint().toString(), s3.region(), s3.accessKey(), secret, true, 4);
    }
}
