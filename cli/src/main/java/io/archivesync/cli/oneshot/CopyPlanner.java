package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.archive.KeyPattern;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Failures;
import io.archivesync.core.topic.RequestAttributes;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.http.HttpOpener;
import io.archivesync.storage.location.Locations;
import io.archivesync.storage.s3.S3StoreOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Plans {@code copy SRC DST} (and {@code upload}, {@code download}): lists every object under the source place, one
 * page at a time, on whichever provider it is (ListObjectsV2, GCS and Azure listings, a directory walk), and asks for
 * each to be copied to the same relative key under the destination place. Include and exclude patterns are matched
 * against the key relative to the source. Symbolic links and special files are left out by the file listing, which
 * logs each.
 */
final class CopyPlanner {

    private final AppConfig config;
    private final Place source;
    private final Place destination;
    private final List<KeyPattern> include;
    private final List<KeyPattern> exclude;

    CopyPlanner(AppConfig config, Place source, Place destination, List<String> include, List<String> exclude) {
        this.config = config;
        this.source = source;
        this.destination = destination;
        this.include = patterns("--include", include);
        this.exclude = patterns("--exclude", exclude);
    }

    JobPlan plan(String jobId) {
        List<FileSyncRequest> requests = new ArrayList<>();
        long pages = 0;
        Instant now = Instant.now();
        try (Locations locations = new Locations(config.s3(), config.storage(), S3StoreOptions.DEFAULTS,
                HttpOpener.jdk())) {
            Locations.Resolved from = locations.resolve(source.text(), false);
            String prefix = from.ref().key();
            for (Iterator<BlobPage> it = from.store().list(from.ref(), null); it.hasNext(); ) {
                BlobPage page = it.next();
                pages++;
                for (BlobInfo object : page.objects()) {
                    String relative = object.ref().key().substring(prefix.length());
                    if (!relative.isEmpty() && !relative.endsWith("/") && selected(relative)) {
                        requests.add(request(object, relative, jobId, now));
                    }
                }
            }
        } catch (StorageException e) {
            if (e.getCause() instanceof SdkException sdk && source.s3() != null) {
                throw S3Failures.startupFailure(sdk, config.s3(), "listing the source " + source);
            }
            throw new ConfigException("SRC", "cannot list " + source + ": " + e.getMessage());
        } catch (SdkException e) {
            throw S3Failures.startupFailure(e, config.s3(), "listing the source " + source);
        }
        return new JobPlan(jobId, List.copyOf(requests), pages);
    }

    private boolean selected(String relative) {
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matches(relative)))
                && exclude.stream().noneMatch(p -> p.matches(relative));
    }

    private FileSyncRequest request(BlobInfo object, String relative, String jobId, Instant now) {
        return FileSyncRequest.newBuilder()
                .setRequestId(JobPlan.newJobId())
                .setSource(SourceLocation.newBuilder()
                        .setUri(source.child(relative))
                        .setRegion(source.s3() != null ? config.s3().region() : null)
                        .setAnonymous(false)
                        .build())
                .setDestination(destination.destination(relative))
                .setExpectedSize(object.size())
                .setExpectedEtag(source.s3() != null && object.version() != null ? ETags.unquote(object.version())
                        : null)
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(now)
                .setAttributes(Map.of(RequestAttributes.JOB, jobId))
                .build();
    }

    private static List<KeyPattern> patterns(String option, List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        try {
            return texts.stream().map(KeyPattern::of).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, e.getMessage());
        }
    }
}
