package io.archivesync.producer.plan;

import io.archivesync.core.archive.ArchiveLayout;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * The symbols to plan for one market, frequency and data type: the configured list, or, when it is empty, the
 * archive's own folders (one delimiter listing, a few thousand names at most, which is fine to hold).
 */
@FunctionalInterface
public interface SymbolSource {

    List<String> symbols(String market, String frequency, String dataType);

    /** Always the given symbols. */
    static SymbolSource fixed(List<String> symbols) {
        List<String> copy = List.copyOf(symbols);
        return (market, frequency, dataType) -> copy;
    }

    /** The given symbols, or those found under the data type's folder when none are given. */
    static SymbolSource configuredOrListed(List<String> symbols, S3Client s3, String bucket) {
        if (!symbols.isEmpty()) {
            return fixed(symbols);
        }
        return (market, frequency, dataType) -> {
            String prefix = ArchiveLayout.symbolsPrefix(market, frequency, dataType);
            List<String> found = new ArrayList<>();
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/")
                            .build())
                    .commonPrefixes().stream()
                    .map(CommonPrefix::prefix)
                    .map(p -> p.substring(prefix.length(), p.length() - 1))
                    .forEach(found::add);
            return found;
        };
    }
}
