package io.archivesync.cli.oneshot;

import io.archivesync.cli.SharedRegistry;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code retry} from start to summary: read what the requests and results say about the selected objects, request
 * again each one whose latest result is not good, follow their results as {@code copy} does, print the summary.
 */
final class RetryRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(RetryRun.class);

    private final OneShotOptions options;
    private final Selection selection;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long started = System.nanoTime();

    RetryRun(OneShotOptions options, Selection selection, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.selection = selection;
        this.out = out;
        this.err = err;
    }

    int run() {
        if (options.createBucket) {
            throw new ConfigException("--create-bucket", "retry copies again to destinations that were requested "
                    + "before; create a missing bucket first");
        }
        options.requireClusterToDetach();
        if (options.dryRun) {
            try (StateBroker broker = StateBroker.open(options.config, options.stateDir())) {
                JobPlan plan = RetryPlanner.plan(look(broker.config(), broker.topics(), null), "dry-run");
                out.printf(Locale.ROOT, "plan: %,d objects to request again (%s); nothing is copied%n",
                        plan.requests().size(), selection);
                return 0;
            }
        }
        if (options.onCluster()) {
            AppConfig config = SharedRegistry.require(options.config.load(List.of()));
            return retry(config, "cluster " + config.kafka().bootstrapServers(), () -> { });
        }
        return LocalPipeline.run(options, options.config::load, err, () -> { }, this::retry);
    }

    private int retry(AppConfig config, String mode, Runnable services) {
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        JobTracker tracker;
        JobPlan plan;
        try (ResultFollower results = new ResultFollower(config, topics.results());
             DeadLetterFollower refused = new DeadLetterFollower(config, topics.deadLetter())) {
            StateView view = look(config, topics, results);
            plan = RetryPlanner.plan(view, RetryPlanner.jobId(selection));
            if (plan.requests().isEmpty()) {
                out.printf(Locale.ROOT, "nothing to retry: the latest result of each of the %,d objects of %s is"
                        + " good (%,d in flight)%n", view.latest().size(), selection, view.inFlight());
                return 0;
            }
            tracker = new JobTracker(plan.requests(), config.processor().prices());
            services.run();
            RequestSender.send(config, topics.requests(), plan.requests());
            LOGGER.info("retry published jobId={} selection={} objects={}", plan.jobId(), selection,
                    plan.requests().size());
            if (options.detach) {
                out.println(plan.jobId());
                return 0;
            }
            JobProgress.followToEnd(err, tracker, results, refused);
        }
        JobSummary summary = JobSummary.of(plan, mode, "retry of " + selection, "the same destinations",
                tracker.tally(), started);
        return summary.report(out, options.json);
    }

    /** Requests first (they map request ids to the job), then the results up to now, on {@code results} if given. */
    private StateView look(AppConfig config, Topics topics, ResultFollower results) {
        StateView view = new StateView(selection);
        TopicSnapshot.read(config, topics.requests(), view::request);
        if (results == null) {
            TopicSnapshot.read(config, topics.results(), view::result);
        } else {
            results.readToEnd(view::result);
        }
        return view;
    }
}
