package io.archivesync.core.config;

import java.time.Duration;

/**
 * The copier's settings.
 *
 * @param groupId               consumer group of the copier instances
 * @param transactionalIdPrefix each instance's transactional id starts with it
 * @param concurrency           copies in flight per instance
 * @param copyTimeout           the longest one object's copy may take before it is failed
 * @param pollTimeout           how long one poll for batches waits
 */
public record SinkSettings(
        String groupId,
        String transactionalIdPrefix,
        int concurrency,
        Duration copyTimeout,
        Duration pollTimeout) {

    public SinkSettings {
        groupId = Check.notBlank("sink.groupId", groupId);
        transactionalIdPrefix = Check.notBlank("sink.transactionalIdPrefix", transactionalIdPrefix);
        Check.positive("sink.concurrency", concurrency);
        Check.positive("sink.copyTimeout", copyTimeout);
        Check.positive("sink.pollTimeout", pollTimeout);
    }
}
