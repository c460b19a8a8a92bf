package io.archivesync.producer.plan;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.core.s3.ETags;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@code list} strategy: lists each selected folder with ListObjectsV2, page by page (1,000 keys a request),
 * and hands on only what exists, with its size and ETag.
 *
 * <p>Why start-after and an early stop: keys within a folder sort by date, so with a date range the listing starts
 * just before the first wanted file and stops at the first file past the range, instead of paging through years of
 * history to keep one month. Works with anonymous clients (the archive allows anonymous listing).
 */
public final class ListingPlanner implements Planner {

    private final S3Client s3;
    private final ProducerSettings settings;
    private final SymbolSource symbols;
    private final KeyFilter filter;

    public ListingPlanner(S3Client s3, ProducerSettings settings, SymbolSource symbols) {
        this.s3 = s3;
        this.settings = settings;
        this.symbols = symbols;
        this.filter = new KeyFilter(settings);
    }

    @Override
    public long plan(Consumer<PlannedObject> sink) {
        return Prefixes.walk(settings, symbols, folder -> list(folder, sink));
    }

    private long list(Prefixes.Folder folder, Consumer<PlannedObject> sink) {
        var request = ListObjectsV2Request.builder().bucket(settings.sourceBucket()).prefix(folder.prefix());
        String startAfter = startAfter(folder);
        if (startAfter != null) {
            request.startAfter(startAfter);
        }
        long n = 0;
        for (S3Object o : s3.listObjectsV2Paginator(request.build()).contents()) {
            var coordinates = ArchiveLayout.parse(o.key());
            if (coordinates.isPresent() && filter.isAfterRange(coordinates.get().getDate())) {
                break;
            }
            if (filter.matches(o.key())) {
                sink.accept(new PlannedObject(o.key(), o.size(), ETags.unquote(o.eTag())));
                n++;
            }
        }
        return n;
    }

    /** The key just before the first file of the range: "2024-01-01" sorts after "2023-12-31.zip.CHECKSUM". */
    private String startAfter(Prefixes.Folder folder) {
        if (settings.from() == null) {
            return null;
        }
        String date = folder.frequency().equals("daily") ? settings.from().minusDays(1).toString()
                : java.time.YearMonth.from(settings.from()).minusMonths(1).toString();
        return folder.prefix() + ArchiveLayout.fileName(folder.dataType(), folder.symbol(), folder.interval(), date)
                + ArchiveLayout.CHECKSUM_SUFFIX;
    }
}
