package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches go to the copier pool the copiers' own mode rule picks, with the copiers' settings. */
class RoutesTopologyTest {

    @Test
    void shouldRouteS3RequestsToStreamingWhenTheCopiersModeIsTraditional() {
        try (TopologyFixture t = new TopologyFixture(List.of("sink.mode=TRADITIONAL"))) {
            // Given / When S3 requests that name no mode, with sink.mode=TRADITIONAL
            sendThree(t, null);

            // Then they go to the streaming pool, which is the one that will stream them
            assertThat(t.batches.readValuesToList()).isEmpty();
            assertThat(t.streamingBatches.readValuesToList()).singleElement()
                    .satisfies(b -> assertThat(b.getRoute()).isEqualTo(Route.STREAMING));
        }
    }

    @Test
    void shouldRouteS3RequestsToStreamingWhenSourcesSitOnAnotherEndpoint() {
        try (TopologyFixture t = new TopologyFixture(List.of("sink.sourceEndpoint=http://127.0.0.1:9999",
                "s3.endpoint=http://127.0.0.1:9000"))) {
            sendThree(t, null);

            assertThat(t.batches.readValuesToList()).isEmpty();
            assertThat(t.streamingBatches.readValuesToList()).hasSize(1);
        }
    }

    @Test
    void shouldLetTheRequestsOwnModeWinOverTheCopiersDefault() {
        try (TopologyFixture t = new TopologyFixture(List.of("sink.mode=TRADITIONAL"))) {
            // Given requests that ask for DIRECT themselves
            sendThree(t, "DIRECT");

            // Then they go server-side
            List<CopyBatch> serverSide = t.batches.readValuesToList();
            assertThat(serverSide).singleElement().satisfies(b -> assertThat(b.getRoute()).isEqualTo(Route.SERVER_SIDE));
            assertThat(t.streamingBatches.readValuesToList()).isEmpty();
        }
    }

    @Test
    void shouldRouteS3RequestsServerSideByDefault() {
        try (TopologyFixture t = new TopologyFixture(List.of())) {
            sendThree(t, null);

            assertThat(t.batches.readValuesToList()).hasSize(1);
            assertThat(t.streamingBatches.readValuesToList()).isEmpty();
        }
    }

    private static void sendThree(TopologyFixture t, String mode) {
        for (String key : List.of("a.zip", "b.zip", "c.zip")) {
            FileSyncRequest r = FileSyncRequest.newBuilder(TopologyFixture.request("lake", key, "e-" + key))
                    .setMode(mode).build();
            t.send(r);
        }
        t.driver.advanceWallClockTime(Duration.ofSeconds(2));
    }
}
