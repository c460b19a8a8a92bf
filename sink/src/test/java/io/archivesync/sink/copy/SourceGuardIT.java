package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whoever publishes a request picks the source: the copier must not fetch internal addresses or sources outside
 * sink.allowedSources for them. A refused source is never touched and ends as one FAILED_ACCESS result that says why.
 */
@ExtendWith(StackExtension.class)
class SourceGuardIT {

    private static final String DEFAULT_ADDRESS_POLICY = "sink.allowPrivateSources=false";

    @Test
    void shouldRefuseALoopbackSourceWithTheDefaultSettingsWithoutFetchingIt(Stack.S3Endpoint s3) {
        // Given an HTTP server on loopback and the shipped address policy
        try (Fixture f = new Fixture(s3, DEFAULT_ADDRESS_POLICY); HttpSource http = new HttpSource()) {
            String url = http.serve("/a.zip", Fixture.zip(1000, 1));

            // When
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "a.zip").build());

            // Then
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(result.getErrorClass()).isEqualTo("SourceNotAllowed");
            assertThat(result.getErrorMessage()).contains("127.0.0.1", "loopback", "sink.allowPrivateSources=true");
            assertThat(result.getStorageRequests()).isZero();
            assertThat(http.gets).hasValue(0);
            assertThat(f.exists(f.mirror, "a.zip")).isFalse();
        }
    }

    @Test
    void shouldRefuseTheCloudMetadataAddressAndHostsThatResolveToLoopback(Stack.S3Endpoint s3) {
        // Given the address requested 67 times in one try, and a name for loopback
        try (Fixture f = new Fixture(s3, DEFAULT_ADDRESS_POLICY)) {
            // When
            CopyResult metadata = f.copy(Requests.copy("http://169.254.169.254/latest/meta-data/", f.mirror, "m")
                    .build());
            CopyResult localhost = f.copy(Requests.copy("http://localhost:1/x.zip", f.mirror, "x.zip").build());

            // Then
            assertThat(metadata.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(metadata.getErrorMessage()).contains("link-local", "never fetched");
            assertThat(localhost.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(localhost.getErrorMessage()).contains("localhost resolves to", "loopback");
        }
    }

    @Test
    void shouldCopyALoopbackSourceWhenPrivateSourcesAreAllowed(Stack.S3Endpoint s3) {
        // Given the setting a local stack sets for its own servers
        try (Fixture f = new Fixture(s3, "sink.allowPrivateSources=true", "sink.verify.sha256=false");
             HttpSource http = new HttpSource()) {
            byte[] bytes = Fixture.zip(1000, 2);
            String url = http.serve("/b.zip", bytes);

            // When
            CopyResult result = f.copy(Requests.copy(url, f.mirror, "b.zip").build());

            // Then
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(f.read(f.mirror, "b.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldRefuseAnS3SourceOutsideTheAllowedSources(Stack.S3Endpoint s3) {
        // Given sources allowed only under public/ of a bucket that is not the request's
        try (Fixture f = new Fixture(s3, "sink.allowedSources=[s3://elsewhere/public/]")) {
            f.put("c.zip", Fixture.zip(1000, 3));

            // When
            CopyResult result = f.copy(Requests.copy(f.uri("c.zip"), f.mirror, "c.zip").build());

            // Then
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
            assertThat(result.getErrorMessage()).contains("sink.allowedSources [s3://elsewhere/public/]");
            assertThat(f.exists(f.mirror, "c.zip")).isFalse();
        }
    }

    @Test
    void shouldNotFollowARedirectOutOfTheAllowedSources(Stack.S3Endpoint s3) {
        // Given only /public/ of the server allowed, and a file there that redirects to /internal/
        try (HttpSource http = new HttpSource()) {
            String internal = http.serve("/internal/d.zip", Fixture.zip(1000, 4));
            String url = http.serveRedirect("/public/d.zip", internal);
            try (Fixture f = new Fixture(s3, "sink.allowedSources=[" + http.url("/public/") + "]",
                    "sink.verify.sha256=false")) {

                // When
                CopyResult result = f.copy(Requests.copy(url, f.mirror, "d.zip").build());

                // Then the redirect is asked for, its target never
                assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_ACCESS);
                assertThat(result.getErrorClass()).isEqualTo("SourceNotAllowed");
                assertThat(result.getAttempts()).isEqualTo(1);
                assertThat(http.gets).hasValue(1);
                assertThat(f.exists(f.mirror, "d.zip")).isFalse();
            }
        }
    }

    @Test
    void shouldFollowARedirectWithinTheAllowedSources(Stack.S3Endpoint s3) {
        // Given a redirect from one allowed path to another
        try (HttpSource http = new HttpSource()) {
            byte[] bytes = Fixture.zip(1000, 5);
            String target = http.serve("/public/v2/e.zip", bytes);
            String url = http.serveRedirect("/public/e.zip", target);
            try (Fixture f = new Fixture(s3, "sink.allowedSources=[" + http.url("/public/") + "]",
                    "sink.verify.sha256=false")) {

                // When
                CopyResult result = f.copy(Requests.copy(url, f.mirror, "e.zip").build());

                // Then
                assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
                assertThat(f.read(f.mirror, "e.zip")).isEqualTo(bytes);
            }
        }
    }
}
