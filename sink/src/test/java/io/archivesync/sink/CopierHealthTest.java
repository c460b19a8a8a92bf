package io.archivesync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CopierHealthTest {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread loop = new Thread(() -> {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "test-loop");
    private final LoopProgress progress = new LoopProgress();
    private final CopierHealth health = new CopierHealth(loop, progress, Duration.ofMinutes(1));

    @AfterEach
    void stopLoop() {
        stop.countDown();
    }

    @Test
    void shouldBeReadyOnlyOnceInTheGroupAndNotAfterAFailedCommit() {
        // Given a running loop that has polled but not yet joined its group
        loop.start();
        TopicPartition tp = new TopicPartition("batches", 0);
        progress.polled(List.of(tp), p -> OptionalLong.of(7));
        assertThat(health.check().up()).isFalse();
        assertThat(health.check().details()).containsEntry("reason", "not (yet) a member of the consumer group");

        // When the group assigns it a partition
        progress.onPartitionsAssigned(List.of(tp));

        // Then it is ready, with its partitions and lag; a failed transaction makes it unready until one commits
        assertThat(health.check().up()).isTrue();
        assertThat(health.check().details()).containsEntry("assignedPartitions", 1);
        assertThat(progress.lag()).isEqualTo(7);
        progress.committed(false);
        assertThat(health.check().up()).isFalse();
        progress.committed(true);
        assertThat(health.check().up()).isTrue();
    }

    @Test
    void shouldNotBeReadyWhenTheLoopThreadHasStopped() {
        // Given a member of the group whose loop thread never ran (or died)
        progress.onPartitionsAssigned(List.of());

        // Then it is not ready, and says why
        assertThat(health.check().up()).isFalse();
        assertThat(health.check().details()).containsEntry("reason", "the consumer loop has stopped");
    }
}
