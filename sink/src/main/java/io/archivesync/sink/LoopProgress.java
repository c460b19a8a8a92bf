package io.archivesync.sink;

import java.util.Collection;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer loop last did, written by its thread and read by health checks and gauges on others (the
 * consumer itself is not thread-safe, so they never touch it): when it last polled, whether it is a member of a
 * stable group, how many partitions it owns, whether its last transaction committed, and the lag it saw.
 */
final class LoopProgress implements ConsumerRebalanceListener {

    private volatile long lastPollNanos = System.nanoTime();
    private volatile boolean inGroup;
    private volatile int assigned;
    private volatile boolean lastCommitFailed;
    private volatile long lastCommitMillis = -1;
    private volatile long lag;

    /**
     * After a poll.
     *
     * @param assignment the partitions owned now
     * @param currentLag records of a partition not yet consumed, as the consumer knows it locally (no remote call)
     */
    void polled(Collection<TopicPartition> assignment, Function<TopicPartition, OptionalLong> currentLag) {
        lastPollNanos = System.nanoTime();
        assigned = assignment.size();
        long sum = 0;
        for (TopicPartition tp : assignment) {
            sum += currentLag.apply(tp).orElse(0);
        }
        lag = sum;
    }

    void committed(boolean ok) {
        lastCommitFailed = !ok;
        if (ok) {
            lastCommitMillis = System.currentTimeMillis();
        }
    }

    /** A rebalance completed: this copier is a member of a stable group, owning these partitions (maybe none). */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        inGroup = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // still a member: the partitions move, the membership stays
    }

    /** Lost without a clean revocation (session timed out): out of the group until the next assignment. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        inGroup = false;
    }

    long sinceLastPollMillis() {
        return (System.nanoTime() - lastPollNanos) / 1_000_000;
    }

    boolean inGroup() {
        return inGroup;
    }

    int assigned() {
        return assigned;
    }

    boolean lastCommitFailed() {
        return lastCommitFailed;
    }

    long lastCommitMillis() {
        return lastCommitMillis;
    }

    long lag() {
        return lag;
    }
}
