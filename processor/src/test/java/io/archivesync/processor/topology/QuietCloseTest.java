package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The end of a job ends its batches: once no request has come for {@code quietClose}, open batches leave at once,
 * while requests that keep coming still fill batches up to {@code maxRequests} or {@code maxWait}.
 */
class QuietCloseTest {

    private final TopologyFixture t = new TopologyFixture(List.of(
            "processor.batch.maxRequests=10",
            "processor.batch.quietClose=150ms"));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldCloseAnUnfilledBatchOnceTheInputHasBeenQuietForQuietClose() {
        // Given five requests, fewer than maxRequests=10
        for (int i = 0; i < 5; i++) {
            t.send(TopologyFixture.request("lake", "f" + i + ".zip", "e1"));
        }

        // When nothing more arrives for less than the quiet period, the batch stays open
        t.driver.advanceWallClockTime(Duration.ofMillis(100));
        assertThat(t.batches.isEmpty()).isTrue();

        // Then once the quiet period has passed, well before maxWait=1s, it leaves with all five
        t.driver.advanceWallClockTime(Duration.ofMillis(100));
        assertThat(t.batches.readValuesToList()).singleElement()
                .satisfies(b -> assertThat(b.getRequests()).hasSize(5));
    }

    @Test
    void shouldCloseByMaxWaitAndMaxRequestsWhileRequestsKeepArrivingFasterThanTheQuietPeriod() {
        // Given requests arriving every 120 ms, closer than quietClose=150ms, with ticks falling between them
        for (int i = 0; i < 8; i++) {
            t.send(TopologyFixture.request("lake", "t" + i + ".zip", "e1"));
            t.driver.advanceWallClockTime(Duration.ofMillis(120));
        }
        assertThat(t.batches.isEmpty()).isTrue();

        // When the ninth arrives and the batch turns maxWait=1s old
        t.send(TopologyFixture.request("lake", "t8.zip", "e1"));
        t.driver.advanceWallClockTime(Duration.ofMillis(120));

        // Then it closes by maxWait with all nine
        assertThat(t.batches.readValuesToList()).extracting(b -> b.getRequests().size()).containsExactly(9);

        // When a burst of thirteen follows
        for (int i = 0; i < 13; i++) {
            t.send(TopologyFixture.request("lake", "b" + i + ".zip", "e1"));
        }
        t.driver.advanceWallClockTime(Duration.ofMillis(100));

        // Then the first ten close by maxRequests, and the three left over only once the input is quiet
        assertThat(t.batches.readValuesToList()).extracting(b -> b.getRequests().size()).containsExactly(10);
        t.driver.advanceWallClockTime(Duration.ofMillis(100));
        assertThat(t.batches.readValuesToList()).flatExtracting(CopyBatch::getRequests).hasSize(3);
    }
}
