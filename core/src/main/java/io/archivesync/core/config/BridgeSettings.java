package io.archivesync.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The SQS bridge: turns S3 event notifications from a queue into file-to-sync requests.
 *
 * <p>SQS uses the static credentials of the {@code s3} section when they are set, else the AWS default chain: the
 * queue and the buckets normally belong to one account.
 *
 * @param queueUrl          the queue of S3 event notifications; required by the bridge only
 * @param endpoint          a non-AWS SQS endpoint (ElasticMQ); blank = AWS
 * @param region            the queue's region; blank = {@code s3.region}
 * @param waitTime          long-poll wait per receive, 1 s to 20 s (the SQS maximum)
 * @param maxMessages       messages per receive, 1 to 10 (the SQS maximum)
 * @param pollers           receive loops in parallel, sharing one Kafka producer: each waits for SQS and Kafka
 *                          round trips, so more loops mean more messages per second
 * @param visibilityTimeout how long a received message stays hidden; unset = the queue's own setting. Must outlast
 *                          publishing a receive batch, or messages are redelivered (and deduplicated) while in flight
 * @param propagateDeletes  turn ObjectRemoved events into requests marked {@code archive-sync.action=delete}
 * @param rules             bucket + prefix → destination; events matching no rule are logged and deleted
 * @param statusHost        the address the bridge's {@code /metrics} and {@code /health} endpoint binds
 * @param statusPort        that endpoint's port; -1 turns it off, 0 picks a free one
 */
public record BridgeSettings(
        String queueUrl,
        String endpoint,
        String region,
        Duration waitTime,
        int maxMessages,
        int pollers,
        Duration visibilityTimeout,
        boolean propagateDeletes,
        List<BridgeRule> rules,
        String statusHost,
        int statusPort) {

    public BridgeSettings {
        queueUrl = queueUrl == null || queueUrl.isBlank() ? null : queueUrl.strip();
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
        if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new ConfigException("bridge.endpoint", "must be an http(s) URL, was '" + endpoint + "'");
        }
        region = region == null || region.isBlank() ? null : region.strip();
        waitTime = Check.orDefault(waitTime, Duration.ofSeconds(20));
        if (waitTime.toMillis() < 1000 || waitTime.toSeconds() > 20) {
            throw new ConfigException("bridge.waitTime", "must be between 1s and 20s, was " + waitTime);
        }
        if (maxMessages < 1 || maxMessages > 10) {
            throw new ConfigException("bridge.maxMessages", "must be between 1 and 10, was " + maxMessages);
        }
        if (pollers < 1 || pollers > 64) {
            throw new ConfigException("bridge.pollers", "must be between 1 and 64, was " + pollers);
        }
        if (visibilityTimeout != null) {
            Check.positive("bridge.visibilityTimeout", visibilityTimeout);
            if (visibilityTimeout.toSeconds() > 43_200) {
                throw new ConfigException("bridge.visibilityTimeout", "must be at most 12h, was " + visibilityTimeout);
            }
        }
        rules = Check.listOrEmpty(rules);
        statusHost = Check.notBlank("bridge.statusHost", statusHost);
        Check.statusPort("bridge.statusPort", statusPort);
    }

    /**
     * The defaults, for code that builds an {@link AppConfig} without the loader: the {@code bridge} section of the
     * shipped defaults file (placeholders at their own defaults), so no default is declared twice.
     */
    public static BridgeSettings defaults() {
        return ConfigLoader.shippedDefaults().bridge();
    }

    /** The queue URL, failing with a message naming the setting when it is not configured. */
    public String requireQueueUrl() {
        return Check.notBlank("bridge.queueUrl", queueUrl);
    }
}
