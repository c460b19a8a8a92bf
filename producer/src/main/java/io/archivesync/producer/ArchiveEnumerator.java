package io.archivesync.producer;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.config.ProducerSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an archive laid out like {@code data.binance.vision} for the configured markets, data types, symbols,
 * intervals and dates, page by page, handing each object on as it is found: memory stays flat however large the
 * archive.
 */
public final class ArchiveEnumerator {

    private final S3Client s3;
    private final ProducerSettings settings;

    public ArchiveEnumerator(S3Client s3, ProducerSettings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    /** Calls {@code sink} once per matching object, in listing order. Returns how many it found. */
    public long enumerate(Consumer<ListedObject> sink) {
        long found = 0;
        for (String market : settings.markets()) {
            for (String dataType : settings.dataTypes()) {
                for (String symbol : symbols(market, dataType)) {
                    List<String> intervals = ArchiveLayout.hasInterval(dataType) ? settings.intervals()
                            : java.util.Collections.singletonList(null);
                    for (String interval : intervals) {
                        found += listPrefix(ArchiveLayout.prefix(market, settings.frequency(), dataType, symbol,
                                interval), sink);
                    }
                }
            }
        }
        return found;
    }

    private List<String> symbols(String market, String dataType) {
        if (!settings.symbols().isEmpty()) {
            return settings.symbols();
        }
        List<String> found = new ArrayList<>();
        String prefix = ArchiveLayout.symbolsPrefix(market, settings.frequency(), dataType);
        s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                        .bucket(settings.sourceBucket()).prefix(prefix).delimiter("/").build())
                .commonPrefixes().stream()
                .map(CommonPrefix::prefix)
                .map(p -> p.substring(prefix.length(), p.length() - 1))
                .forEach(found::add);
        return found;
    }

    private long listPrefix(String prefix, Consumer<ListedObject> sink) {
        long n = 0;
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                .bucket(settings.sourceBucket()).prefix(prefix).build()).contents()) {
            if (matches(o.key())) {
                sink.accept(new ListedObject(o.key(), o.size(), unquote(o.eTag())));
                n++;
            }
        }
        return n;
    }

    boolean matches(String key) {
        var coordinates = ArchiveLayout.parse(key);
        if (coordinates.isEmpty()) {
            return false;
        }
        if (coordinates.get().getSidecar() && !settings.includeChecksums()) {
            return false;
        }
        String date = coordinates.get().getDate();
        LocalDate first;
        LocalDate last;
        if (date.length() == 7) {
            YearMonth month = YearMonth.parse(date);
            first = month.atDay(1);
            last = month.atEndOfMonth();
        } else {
            first = LocalDate.parse(date);
            last = first;
        }
        return (settings.from() == null || !last.isBefore(settings.from()))
                && (settings.to() == null || !first.isAfter(settings.to()));
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
