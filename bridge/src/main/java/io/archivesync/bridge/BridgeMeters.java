package io.archivesync.bridge;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The bridge's running counts ({@link BridgeStats}) as Prometheus counters; read at each scrape. */
final class BridgeMeters {

    private BridgeMeters() {
    }

    static void register(MeterRegistry registry, BridgeStats stats) {
        counter(registry, stats, "archivesync.bridge.messages.received", "SQS messages received, redeliveries included",
                BridgeStats::received);
        counter(registry, stats, "archivesync.bridge.requests.published", "requests Kafka acknowledged",
                BridgeStats::published);
        counter(registry, stats, "archivesync.bridge.messages.deleted", "SQS messages deleted after publishing",
                BridgeStats::deleted);
        counter(registry, stats, "archivesync.bridge.records.ignored",
                "event records that asked for nothing (no rule, not a created object, a test event)",
                BridgeStats::ignoredRecords);
        counter(registry, stats, "archivesync.bridge.messages.malformed",
                "receives of unreadable messages (left for the queue's redrive policy)", BridgeStats::malformed);
        counter(registry, stats, "archivesync.bridge.publish.failures",
                "messages left on the queue because Kafka refused one of their requests", BridgeStats::publishFailures);
    }

    private static void counter(MeterRegistry registry, BridgeStats stats, String name, String description,
                                ToDoubleFunction<BridgeStats> count) {
        FunctionCounter.builder(name, stats, count).description(description).register(registry);
    }
}
