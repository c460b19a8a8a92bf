package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.producer.ProducerJob;
import io.archivesync.producer.RequestFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code mirror DST}: the archive enumerator's plan ({@code producer.*}, always the {@code list} strategy so
 * every request carries the source's size and ETag), as the producer would request it, tagged with the job.
 */
final class MirrorPlanner {

    private final AppConfig config;
    private final Place destination;

    /** @param destination where the mirror goes; off S3, each request's key (relative to it) is placed under it */
    MirrorPlanner(AppConfig config, Place destination) {
        this.config = config;
        this.destination = destination;
    }

    JobPlan plan(String jobId) {
        RequestFactory factory = new RequestFactory(config.producer(), Clock.systemUTC());
        List<FileSyncRequest> requests = new ArrayList<>();
        new ProducerJob(config).plan(object -> requests.add(JobPlan.tagged(placed(factory.create(object)), jobId)));
        // the enumerator does not count its listing pages; one per 1,000 keys is the least it took
        return new JobPlan(jobId, List.copyOf(requests), Math.max(1, (requests.size() + 999) / 1000));
    }

    private FileSyncRequest placed(FileSyncRequest request) {
        return destination.s3() != null ? request : FileSyncRequest.newBuilder(request)
                .setDestination(destination.destination(request.getDestination().getKey())).build();
    }
}
