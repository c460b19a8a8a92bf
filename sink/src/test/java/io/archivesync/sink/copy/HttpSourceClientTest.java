package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The connect-time half of the address check: whatever the guard saw before, the HTTP client resolves through the
 * policy and connects only to addresses it accepted, so a DNS answer that changes in between (DNS rebinding), or a
 * redirect to an internal address, is caught here.
 */
class HttpSourceClientTest {

    @Test
    void shouldRefuseAtConnectTimeAHostThatResolvesToLoopback() {
        // Given a server on loopback, reached by name, and the default policy
        try (HttpSource http = new HttpSource();
             HttpSourceClient client = new HttpSourceClient(new SourcePolicy(new SourceAllowList(List.of()), false),
                     2)) {
            String url = http.serve("/a.zip", new byte[] {'P', 'K'}).replace("127.0.0.1", "localhost");

            // When / Then: a final 403, and the server never asked
            assertThatThrownBy(() -> client.open(url))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SourceNotAllowed");
                    })
                    .hasMessageContaining("loopback");
            assertThat(http.gets).hasValue(0);
        }
    }
}
