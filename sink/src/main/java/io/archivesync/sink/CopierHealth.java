package io.archivesync.sink;

import io.archivesync.core.observe.Health;
import io.archivesync.core.observe.HealthCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The copier is ready when its loop thread runs, it is a member of a stable consumer group (with partitions, or
 * none when the group has more copiers than partitions), it polled recently and its last transaction committed.
 */
final class CopierHealth implements HealthCheck {

    private final Thread loop;
    private final LoopProgress progress;
    private final long maxPollGapMillis;

    /** @param maxPollGap the longest pause between polls of a working loop */
    CopierHealth(Thread loop, LoopProgress progress, Duration maxPollGap) {
        this.loop = loop;
        this.progress = progress;
        this.maxPollGapMillis = maxPollGap.toMillis();
    }

    @Override
    public Health check() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("loopAlive", loop.isAlive());
        facts.put("inGroup", progress.inGroup());
        facts.put("assignedPartitions", progress.assigned());
        facts.put("sinceLastPollMs", progress.sinceLastPollMillis());
        facts.put("lastCommitAt", progress.lastCommitMillis() < 0 ? null : progress.lastCommitMillis());
        facts.put("lastCommitFailed", progress.lastCommitFailed());
        if (!loop.isAlive()) {
            return Health.down("the consumer loop has stopped", facts);
        }
        if (!progress.inGroup()) {
            return Health.down("not (yet) a member of the consumer group", facts);
        }
        if (progress.sinceLastPollMillis() > maxPollGapMillis) {
            return Health.down("no poll for " + progress.sinceLastPollMillis() + " ms", facts);
        }
        if (progress.lastCommitFailed()) {
            return Health.down("the last transaction failed and is being replayed", facts);
        }
        return Health.up(facts);
    }
}
