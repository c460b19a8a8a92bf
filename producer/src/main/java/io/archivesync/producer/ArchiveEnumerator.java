package io.archivesync.producer;

import io.archivesync.core.config.PlanStrategy;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.producer.plan.KeyPlanner;
import io.archivesync.producer.plan.ListingPlanner;
import io.archivesync.producer.plan.PlannedObject;
import io.archivesync.producer.plan.Planner;
import io.archivesync.producer.plan.SymbolSource;
import java.time.Clock;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Enumerates an archive laid out like {@code data.binance.vision} with the strategy {@code producer.strategy}
 * names, handing each object on as it is planned: memory stays flat however large the archive.
 */
public final class ArchiveEnumerator {

    private final Planner planner;

    public ArchiveEnumerator(S3Client s3, ProducerSettings settings) {
        this(s3, settings, Clock.systemUTC());
    }

    public ArchiveEnumerator(S3Client s3, ProducerSettings settings, Clock clock) {
        this.planner = planner(s3, settings, clock);
    }

    /** The planner for the configured strategy; symbols come from the settings or, when none are given, a listing. */
    static Planner planner(S3Client s3, ProducerSettings settings, Clock clock) {
        SymbolSource symbols = SymbolSource.configuredOrListed(settings.symbols(), s3, settings.sourceBucket());
        return settings.strategy() == PlanStrategy.GENERATE
                ? new KeyPlanner(settings, symbols, clock)
                : new ListingPlanner(s3, settings, symbols);
    }

    /** Calls {@code sink} once per planned object. Returns how many it planned. */
    public long enumerate(Consumer<PlannedObject> sink) {
        return planner.plan(sink);
    }
}
