package io.archivesync.core.config;

import java.time.Duration;
import java.util.List;

/**
 * The copier's rate limits, {@code sink.rateLimit}, as rclone's {@code --tpslimit} and {@code --bwlimit}: every
 * limit applies per copier instance, so a cluster's effect is the sum over its copiers. Zero turns a cap off.
 *
 * @param requestsPerSecond storage requests per second per copier (every HEAD, GET, PUT, CopyObject, part, listing
 *                          and delete counts); 0 = no cap
 * @param prefixes          per-prefix caps: a request addressed to a bucket and key under one of them is counted
 *                          against that prefix's own cap instead of {@code requestsPerSecond} (longest prefix wins)
 * @param bandwidth         bytes per second the streaming copier reads from sources, all streamed copies together;
 *                          0 = no cap
 * @param prefixBackoff     how a prefix the storage throttles (503 SlowDown) is slowed down on its own
 */
public record RateLimitSettings(double requestsPerSecond, List<PrefixRate> prefixes, long bandwidth,
                                PrefixBackoff prefixBackoff) {

    public RateLimitSettings {
        rate("sink.rateLimit.requestsPerSecond", requestsPerSecond);
        prefixes = List.copyOf(required("sink.rateLimit.prefixes", prefixes));
        if (bandwidth < 0) {
            throw new ConfigException("sink.rateLimit.bandwidth", "must be 0 (off) or bytes per second, was "
                    + bandwidth);
        }
        prefixBackoff = required("sink.rateLimit.prefixBackoff", prefixBackoff);
    }

    /** Whether any request cap is set. */
    public boolean limitsRequests() {
        return requestsPerSecond > 0 || prefixes.stream().anyMatch(p -> p.requestsPerSecond() > 0);
    }

    /**
     * @param bucket            the bucket requests are addressed to (the destination's for every request of a copy
     *                          but the reads of an S3 source)
     * @param prefix            key prefix; blank covers the whole bucket
     * @param requestsPerSecond that prefix's own cap; 0 exempts it from every cap
     */
    public record PrefixRate(String bucket, String prefix, Double requestsPerSecond) {
        public PrefixRate {
            bucket = Check.notBlank("sink.rateLimit.prefixes.bucket", bucket);
            prefix = prefix == null ? "" : prefix.strip();
            rate("sink.rateLimit.prefixes.requestsPerSecond",
                    required("sink.rateLimit.prefixes.requestsPerSecond", requestsPerSecond));
        }

        /** Whether a request to this bucket and key (or listing prefix) falls under this cap. */
        public boolean covers(String requestBucket, String key) {
            return bucket.equals(requestBucket) && key != null && key.startsWith(prefix);
        }
    }

    /**
     * A throttled copy (503 SlowDown) makes later copies under the same prefix (bucket and key up to its last
     * {@code /}) start at least a delay apart; the delay doubles per throttled attempt up to {@code maxDelay}, is
     * jittered, and shrinks by a quarter per successful attempt until the prefix is at full speed again.
     *
     * @param initialDelay the delay after the first throttling; 0 turns the per-prefix backoff off (the copier's
     *                     whole concurrency then halves on any throttling, as before)
     * @param maxDelay     the longest delay between two copies under one prefix
     */
    public record PrefixBackoff(Duration initialDelay, Duration maxDelay) {
        public PrefixBackoff {
            required("sink.rateLimit.prefixBackoff.initialDelay", initialDelay);
            if (initialDelay.isNegative()) {
                throw new ConfigException("sink.rateLimit.prefixBackoff.initialDelay",
                        "must be 0 (off) or a positive duration, was " + initialDelay);
            }
            Check.positive("sink.rateLimit.prefixBackoff.maxDelay", maxDelay);
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new ConfigException("sink.rateLimit.prefixBackoff.maxDelay",
                        "must not be shorter than sink.rateLimit.prefixBackoff.initialDelay");
            }
        }

        public boolean enabled() {
            return !initialDelay.isZero();
        }
    }

    private static void rate(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(setting, "must be 0 (off) or requests per second, was " + value);
        }
    }

    private static <T> T required(String setting, T value) {
        if (value == null) {
            throw new ConfigException(setting, "must be set (the defaults file declares it; was it blanked?)");
        }
        return value;
    }
}
