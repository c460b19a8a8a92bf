package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.storage.blob.BlobServiceClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Azurite's life cycle: it comes up on loopback, and {@code close()} takes the node process down for good. */
class EmbeddedAzuriteIT {

    @BeforeEach
    void needsNode() {
        assumeTrue(EmbeddedAzurite.node().isPresent(), "node is not on the PATH: Azurite needs it (.ci/run installs"
                + " Debian's nodejs and npm)");
    }

    @Test
    void shouldStopTheNodeProcessOnCloseWhileClientConnectionsAreOpen() {
        // Given a running Azurite with a client that keeps its connection alive
        EmbeddedAzurite azurite = EmbeddedAzurite.start();
        ProcessHandle node = azurite.processHandle();
        BlobServiceClient client = AzuriteClients.serviceClient(azurite.endpoint());
        client.createBlobContainer("life-cycle");
        assertThat(client.getBlobContainerClient("life-cycle").exists()).isTrue();

        // When it is closed
        long startedAt = System.nanoTime();
        azurite.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);

        // Then the node process is gone, well before the grace periods would have run out
        assertThat(node.isAlive()).isFalse();
        assertThat(millis).isLessThan(7_000);
        azurite.close();
    }

    @Test
    void shouldServeTheDevelopmentAccountOnLoopbackWithTheKeyMasked() {
        try (EmbeddedAzurite azurite = EmbeddedAzurite.start()) {
            AzureBlobEndpoint endpoint = azurite.endpoint();

            assertThat(endpoint.blobEndpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.blobEndpoint().getPath()).isEqualTo("/devstoreaccount1");
            assertThat(endpoint.accountName()).isEqualTo("devstoreaccount1");
            assertThat(endpoint.toString()).doesNotContain(endpoint.accountKey()).contains("accountKey=****");
        }
    }
}
