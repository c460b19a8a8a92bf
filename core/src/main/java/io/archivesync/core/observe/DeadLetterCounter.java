package io.archivesync.core.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts records sent to the dead-letter topic, by the kind written in their {@code archive-sync.dlq.kind} header
 * ({@code DESERIALIZATION}, {@code VALIDATION}, {@code PROCESSING}): {@code archivesync_dead_letters_total{kind}}.
 * Kafka Streams builds the processor's handlers and processors itself, so the processor hands this counter over in
 * its Streams configuration under {@link #CONFIG}; {@link #from(Map)} finds it there, or counts nothing.
 */
public final class DeadLetterCounter {

    /** The Streams configuration key the counter travels under (a value, not a string). */
    public static final String CONFIG = "archive-sync.metrics.dead-letters";
    public static final String NAME = "archivesync.dead.letters";
    /** Counts nothing: for topologies run without a registry (topology tests). */
    public static final DeadLetterCounter NONE = new DeadLetterCounter(null);

    private final MeterRegistry registry;
    private final Map<String, Counter> byKind = new ConcurrentHashMap<>();

    public DeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record dead-lettered as {@code kind}. */
    public void count(String kind) {
        if (registry != null) {
            byKind.computeIfAbsent(kind, k -> Counter.builder(NAME)
                    .description("records sent to the dead-letter topic, by the kind of fault")
                    .tag("kind", k)
                    .register(registry)).increment();
        }
    }

    /** The counter handed over in a Streams configuration, or {@link #NONE}. */
    public static DeadLetterCounter from(Map<String, ?> configs) {
        return configs != null && configs.get(CONFIG) instanceof DeadLetterCounter counter ? counter : NONE;
    }
}
