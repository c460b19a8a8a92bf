package io.archivesync.cli.oneshot;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.archive.KeyPattern;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.s3.ETags;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.s3.S3Failures;
import io.archivesync.core.topic.RequestAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plans {@code copy SRC DST}: lists every object under the source prefix (ListObjectsV2, a request per 1,000 keys)
 * and asks for each to be copied to the same relative key under the destination prefix. Include and exclude patterns
 * are matched against the key relative to the source prefix.
 */
final class CopyPlanner {

    private final AppConfig config;
    private final S3Url source;
    private final S3Url destination;
    private final List<KeyPattern> include;
    private final List<KeyPattern> exclude;

    CopyPlanner(AppConfig config, S3Url source, S3Url destination, List<String> include, List<String> exclude) {
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
        try (S3Client s3 = S3Clients.sync(config.s3(), config.s3().region(), false)) {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(source.bucket())
                    .prefix(source.prefix()))) {
                pages++;
                for (S3Object object : page.contents()) {
                    String relative = object.key().substring(source.prefix().length());
                    if (!relative.isEmpty() && !relative.endsWith("/") && selected(relative)) {
                        requests.add(request(object, relative, jobId, now));
                    }
                }
            }
        } catch (SdkException e) {
            throw S3Failures.startupFailure(e, config.s3(), "listing the source " + source);
        }
        return new JobPlan(jobId, List.copyOf(requests), pages);
    }

    private boolean selected(String relative) {
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matches(relative)))
                && exclude.stream().noneMatch(p -> p.matches(relative));
    }

    private FileSyncRequest request(S3Object object, String relative, String jobId, Instant now) {
        return FileSyncRequest.newBuilder()
                .setRequestId(JobPlan.newJobId())
                .setSource(SourceLocation.newBuilder()
                        .setUri(S3Url.SCHEME + source.bucket() + "/" + object.key())
                        .setRegion(config.s3().region())
                        .setAnonymous(false)
                        .build())
                .setDestination(Destination.newBuilder()
                        .setBucket(destination.bucket())
                        .setKey(destination.key(relative))
                        .build())
                .setExpectedSize(object.size())
                .setExpectedEtag(ETags.unquote(object.eTag()))
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
