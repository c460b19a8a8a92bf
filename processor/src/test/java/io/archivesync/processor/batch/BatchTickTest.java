package io.archivesync.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.ProcessorSettings.BatchSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchTickTest {

    @Test
    void shouldTickAtHalfTheQuietPeriodWhenThatIsSoonerThanAQuarterOfMaxWait() {
        assertThat(BatchingProcessor.tick(settings(Duration.ofSeconds(2), Duration.ofMillis(150))))
                .isEqualTo(Duration.ofMillis(75));
        assertThat(BatchingProcessor.tick(settings(Duration.ofMillis(200), Duration.ofMillis(150))))
                .isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void shouldTickAtAQuarterOfMaxWaitWhenQuietCloseIsOff() {
        assertThat(BatchingProcessor.tick(settings(Duration.ofSeconds(2), Duration.ZERO)))
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldNeverTickFasterThanTheFloor() {
        assertThat(BatchingProcessor.tick(settings(Duration.ofMillis(40), Duration.ofMillis(10))))
                .isEqualTo(BatchingProcessor.MIN_TICK);
    }

    private static BatchSettings settings(Duration maxWait, Duration quietClose) {
        return new BatchSettings(100, 1L << 30, maxWait, 786_432, quietClose);
    }
}
