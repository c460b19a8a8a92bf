package io.archivesync.sink.metrics;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Verification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts committed results: fed once per result after its Kafka transaction committed, so the counters agree with
 * the results topic (an aborted transaction's results are copied again and counted then, once).
 */
public final class CopyMetrics {

    /** A fallback's {@code methodReason} says so in these words (ModeRouter). */
    static final String FELL_BACK = "fell back";
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public CopyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One committed result. */
    public void record(CopyResult result) {
        String method = result.getMethod().name();
        counter("archivesync.copies", null, "copy results, by outcome and by how the object got across",
                "outcome", result.getOutcome().name(), "method", method).increment();
        counter("archivesync.copy", "bytes", "bytes of the objects in the results (CopyResult.bytes)",
                "method", method).increment(result.getBytes());
        counter("archivesync.copy.through.copier", "bytes",
                "bytes that passed through the copier process (streamed copies)", "method", method)
                .increment(result.getBytesThroughCopier());
        counter("archivesync.storage.requests", null, "storage API requests issued, retries included",
                "method", method).increment(result.getStorageRequests());
        counter("archivesync.copy.retries", null, "attempts after the first", "method", method)
                .increment(Math.max(0, result.getAttempts() - 1));
        if (result.getMethodReason() != null && result.getMethodReason().contains(FELL_BACK)) {
            counter("archivesync.copy.fallbacks", null, "server-side copies refused and streamed instead",
                    "method", method).increment();
        }
        Verification verification = result.getVerification();
        if (verification != null) {
            counter("archivesync.verifications", null, "verification results, by evidence and verdict",
                    "method", verification.getMethod().name(), "verified",
                    String.valueOf(verification.getVerified())).increment();
        }
        counter("archivesync.verification.read", "bytes", "bytes read back from destinations to verify them")
                .increment(result.getBytesReadForVerification());
        Timer.builder("archivesync.copy.duration")
                .description("time from a copy's start to its result")
                .tag("method", method)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, result.getDurationMillis())));
    }

    private Counter counter(String name, String unit, String description, String... tags) {
        return Counter.builder(name).baseUnit(unit).description(description).tags(tags).register(registry);
    }
}
