package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.cli.SharedRegistry;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job from start to summary: check the destination bucket, plan, then on the cluster or on the local pipeline
 * read what the results already say, publish the rest, follow their results, print the summary.
 */
final class JobRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(JobRun.class);

    /** What a command describes: its configuration overrides, its source and destination, how to plan. */
    record Job(List<String> overrides, String source, Place destination,
               BiFunction<AppConfig, String, JobPlan> planner) {
    }

    private final OneShotOptions options;
    private final Job job;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long started = System.nanoTime();

    JobRun(OneShotOptions options, Job job, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.job = job;
        this.out = out;
        this.err = err;
    }

    int run() {
        options.requireClusterToDetach();
        AppConfig config = load(List.of());
        if (!options.dryRun) {
            // a missing destination is refused before anything starts
            checkDestination(config);
        }
        if (!options.dryRun && !options.onCluster()) {
            // the broker starts while the source is listed
            JobPlan[] planned = new JobPlan[1];
            return LocalPipeline.run(options, this::load, err, () -> planned[0] = plan(config),
                    (local, where, services) -> follow(local, planned[0], where, services));
        }
        JobPlan plan = plan(config);
        if (options.dryRun) {
            out.printf(Locale.ROOT, "plan: %,d objects, %s (%,d bytes) from %s to %s; nothing is copied%n",
                    plan.requests().size(), Bytes.human(plan.bytes()), plan.bytes(), job.source(),
                    job.destination());
            return 0;
        }
        return follow(SharedRegistry.require(config), plan, "cluster " + config.kafka().bootstrapServers(), () -> { });
    }

    /** The destination's bucket or container must exist (or is created, with --create-bucket). */
    private void checkDestination(AppConfig config) {
        if (job.destination().s3() != null
                && BucketCheck.require(config, job.destination().s3().bucket(), options.createBucket)) {
            err.println("created bucket " + job.destination().s3().bucket());
        }
        if (job.destination().s3() == null) {
            BucketCheck.requireElsewhere(config, job.destination(), options.createBucket);
        }
    }

    /** Lists the source into a plan. */
    private JobPlan plan(AppConfig config) {
        return job.planner().apply(config, JobPlan.newJobId());
    }

    /** @param services starts the pipeline's services, when this job has something to publish */
    private int follow(AppConfig config, JobPlan plan, String mode, Runnable services) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        JobTracker tracker = new JobTracker(plan.requests(), config.processor().prices());
        try (ResultFollower results = new ResultFollower(config, topics.results());
             DeadLetterFollower refused = new DeadLetterFollower(config, topics.deadLetter())) {
            long known = results.readToEnd(tracker::remember);
            List<FileSyncRequest> toPublish = tracker.answerFromState();
            if (!toPublish.isEmpty()) {
                services.run();
            }
            RequestSender.send(config, topics.requests(), toPublish);
            LOGGER.info("job published jobId={} objects={} answeredFromState={} published={} resultsRead={}"
                    + " millis={}", plan.jobId(), plan.requests().size(), tracker.tally().answeredFromState(),
                    toPublish.size(), known, millis());
            if (options.detach) {
                out.println(plan.jobId());
                return 0;
            }
            JobProgress.followToEnd(err, tracker, results, refused);
        }
        JobSummary summary = JobSummary.of(plan, mode, job.source(), job.destination().toString(), tracker.tally(),
                started);
        LOGGER.info("job done jobId={} objects={} copied={} firstCopyMillis={} totalMillis={}", plan.jobId(),
                summary.objects(), summary.copied(),
                summary.firstCopySeconds() < 0 ? -1 : Math.round(summary.firstCopySeconds() * 1000), millis());
        return summary.report(out, options.json);
    }

    private AppConfig load(List<String> extra) {
        List<String> all = new ArrayList<>(job.overrides());
        all.addAll(extra);
        return options.config.load(all);
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
