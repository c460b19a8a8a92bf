package io.archivesync.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The Kafka Streams topology's settings.
 *
 * @param applicationId  the Streams application id: consumer group and prefix of internal topics
 * @param dedupHorizon   how long a request is remembered, so that a repeat within it is dropped
 * @param batch          when a batch closes
 * @param stateDir       where state stores live; blank means a temporary directory
 * @param threads        stream threads per instance
 * @param commitInterval      how often a transaction commits (exactly-once latency versus throughput)
 * @param allowedDestinations destinations requests may write to, as {@code bucket} or {@code bucket/prefix};
 *                            empty allows any. A request outside them is dead-lettered.
 * @param aggregateWindow     the tumbling window of the efficiency aggregates
 * @param statusPort          port of the status HTTP endpoint; -1 disables it, 0 picks a free one
 * @param statusHost          the host name other instances reach this one's status endpoint at
 */
public record ProcessorSettings(
        String applicationId,
        Duration dedupHorizon,
        BatchSettings batch,
        String stateDir,
        int threads,
        Duration commitInterval,
        List<String> allowedDestinations,
        Duration aggregateWindow,
        int statusPort,
        String statusHost) {

    public ProcessorSettings {
        applicationId = Check.notBlank("processor.applicationId", applicationId);
        Check.positive("processor.dedupHorizon", dedupHorizon);
        if (batch == null) {
            throw new ConfigException("processor.batch", "must be set");
        }
        stateDir = stateDir == null || stateDir.isBlank() ? null : stateDir.strip();
        Check.positive("processor.threads", threads);
        Check.positive("processor.commitInterval", commitInterval);
        allowedDestinations = Check.listOrEmpty(allowedDestinations);
        for (String d : allowedDestinations) {
            if (d.isBlank() || d.startsWith("/") || d.contains("..")) {
                throw new ConfigException("processor.allowedDestinations",
                        "'" + d + "' must be bucket or bucket/prefix, relative and without '..'");
            }
            Check.bucketName("processor.allowedDestinations", d.split("/", 2)[0]);
        }
        Check.positive("processor.aggregateWindow", aggregateWindow);
        if (statusPort < -1 || statusPort > 65_535) {
            throw new ConfigException("processor.statusPort", "must be -1 (off), 0 (any free port) or a port, was "
                    + statusPort);
        }
        statusHost = Check.notBlank("processor.statusHost", statusHost);
    }

    /**
     * When a batch closes: whichever of the three limits is reached first.
     *
     * @param maxRequests requests per batch
     * @param maxBytes    total expected bytes per batch (requests of unknown size count 0)
     * @param maxWait     the longest a request waits in an open batch (wall clock)
     */
    public record BatchSettings(int maxRequests, long maxBytes, Duration maxWait) {
        public BatchSettings {
            Check.positive("processor.batch.maxRequests", maxRequests);
            Check.positive("processor.batch.maxBytes", maxBytes);
            Check.positive("processor.batch.maxWait", maxWait);
        }
    }
}
