package io.archivesync.producer.plan;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.archive.BinanceCatalog;
import io.archivesync.core.config.ProducerSettings;
import java.util.Collections;
import java.util.List;

/**
 * Walks every folder the settings select: market × frequency × data type × symbol × interval, skipping the
 * combinations the archive never publishes (daily {@code fundingRate}, daily files of intervals above {@code 1d},
 * data types a market does not have). Both strategies start from here, so they cover the same folders.
 */
final class Prefixes {

    /** One folder: the listing prefix and the coordinates that name its files. */
    record Folder(String prefix, String market, String frequency, String dataType, String symbol, String interval) {
    }

    /** Receives one folder at a time; returns how many objects it planned there. */
    @FunctionalInterface
    interface FolderVisitor {
        long visit(Folder folder);
    }

    private Prefixes() {
    }

    static long walk(ProducerSettings settings, SymbolSource symbols, FolderVisitor visitor) {
        long planned = 0;
        for (String market : settings.markets()) {
            for (String frequency : settings.frequencies()) {
                for (String dataType : settings.dataTypes()) {
                    if (!BinanceCatalog.publishes(market, frequency, dataType)) {
                        continue;
                    }
                    List<String> intervals = ArchiveLayout.hasInterval(dataType)
                            ? settings.intervals().stream()
                                    .filter(i -> BinanceCatalog.publishesInterval(frequency, i)).toList()
                            : Collections.singletonList(null);
                    if (intervals.isEmpty()) {
                        continue;
                    }
                    for (String symbol : symbols.symbols(market, frequency, dataType)) {
                        for (String interval : intervals) {
                            planned += visitor.visit(new Folder(
                                    ArchiveLayout.prefix(market, frequency, dataType, symbol, interval),
                                    market, frequency, dataType, symbol, interval));
                        }
                    }
                }
            }
        }
        return planned;
    }
}
