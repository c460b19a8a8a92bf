package io.archivesync.sink.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** What the copier holds right now: copies running and queued, the adaptive limit, the records not yet read. */
public final class CopierGauges {

    private CopierGauges() {
    }

    /**
     * @param inFlight copies started and not finished
     * @param queued   copies waiting for a permit
     * @param limit    the adaptive concurrency limit's current value
     * @param lag      records of the assigned partitions not yet consumed (as the consumer last saw them)
     */
    public static void register(MeterRegistry registry, IntSupplier inFlight, IntSupplier queued, IntSupplier limit,
                                LongSupplier lag) {
        Gauge.builder("archivesync.copies.in.flight", inFlight::getAsInt)
                .description("copies started and not finished").strongReference(true).register(registry);
        Gauge.builder("archivesync.copies.queued", queued::getAsInt)
                .description("copies waiting for a permit (sink.concurrency)").strongReference(true)
                .register(registry);
        Gauge.builder("archivesync.adaptive.limit", limit::getAsInt)
                .description("storage attempts allowed at once; halved on throttling, raised on success")
                .strongReference(true).register(registry);
        Gauge.builder("archivesync.copier.lag", lag::getAsLong).baseUnit("records")
                .description("batch records of the assigned partitions not yet consumed").strongReference(true)
                .register(registry);
    }
}
