package io.archivesync.producer.plan;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.config.ProducerSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * The {@code generate} strategy: builds every key from the settings, as Binance's own download scripts do, without
 * listing files. Each data file is followed by its {@code .CHECKSUM} sidecar when sidecars are wanted.
 *
 * <p>Dates: every day from {@code producer.from} to {@code producer.to} for daily files; every month that overlaps
 * that range for monthly ones. An open end means yesterday for daily files (today's appears tomorrow) and last month
 * for monthly ones. Keys are built one at a time and handed on, so a plan of millions of keys needs no memory.
 */
public final class KeyPlanner implements Planner {

    private final ProducerSettings settings;
    private final SymbolSource symbols;
    private final KeyFilter filter;
    private final Clock clock;

    public KeyPlanner(ProducerSettings settings, SymbolSource symbols, Clock clock) {
        if (settings.from() == null) {
            throw new IllegalArgumentException("producer.from: the generate strategy needs a first date");
        }
        this.settings = settings;
        this.symbols = symbols;
        this.filter = new KeyFilter(settings);
        this.clock = clock;
    }

    @Override
    public long plan(Consumer<PlannedObject> sink) {
        return Prefixes.walk(settings, symbols, folder -> folder.frequency().equals("daily")
                ? planDays(folder, sink) : planMonths(folder, sink));
    }

    private long planDays(Prefixes.Folder folder, Consumer<PlannedObject> sink) {
        LocalDate last = settings.to() != null ? settings.to() : LocalDate.now(clock).minusDays(1);
        long n = 0;
        for (LocalDate day = settings.from(); !day.isAfter(last); day = day.plusDays(1)) {
            n += emit(folder, day.toString(), sink);
        }
        return n;
    }

    private long planMonths(Prefixes.Folder folder, Consumer<PlannedObject> sink) {
        YearMonth last = settings.to() != null ? YearMonth.from(settings.to())
                : YearMonth.now(clock).minusMonths(1);
        long n = 0;
        for (YearMonth month = YearMonth.from(settings.from()); !month.isAfter(last); month = month.plusMonths(1)) {
            n += emit(folder, month.toString(), sink);
        }
        return n;
    }

    private int emit(Prefixes.Folder folder, String date, Consumer<PlannedObject> sink) {
        String key = folder.prefix()
                + ArchiveLayout.fileName(folder.dataType(), folder.symbol(), folder.interval(), date);
        int n = 0;
        if (filter.matchesPatterns(key)) {
            sink.accept(PlannedObject.generated(key));
            n++;
        }
        if (settings.includeChecksums()) {
            String sidecar = key + ArchiveLayout.CHECKSUM_SUFFIX;
            if (filter.matchesPatterns(sidecar)) {
                sink.accept(PlannedObject.generated(sidecar));
                n++;
            }
        }
        return n;
    }
}
