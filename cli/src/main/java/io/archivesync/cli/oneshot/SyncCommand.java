package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
import io.archivesync.core.config.DurationParser;
import io.archivesync.storage.http.HttpOpener;
import io.archivesync.storage.location.Locations;
import io.archivesync.storage.s3.S3StoreOptions;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.ListingFailed;
import io.archivesync.sync.plan.MaxDelete;
import io.archivesync.sync.plan.PathFilter;
import io.archivesync.sync.plan.SyncOptions;
import io.archivesync.sync.run.SyncReport;
import io.archivesync.sync.run.SyncRun;
import io.archivesync.sync.watch.Wakeup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archive-sync sync A B}: both ways, three-way against the base of the last sync, every write and delete
 * conditional on what the plan saw. docs/sync.md.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync two locations both ways: what changed on one side since the last sync goes to the other;"
                + " what changed on both is a conflict, settled by --conflict.",
                "Every write and delete is conditional on what the plan saw: a path changed meanwhile is left for "
                        + "the next run, never overwritten. The base of each path is kept on a compacted topic "
                        + "(the embedded broker in --state-dir, or --bootstrap-servers).",
                "With --watch it keeps syncing: local changes wake a run, cloud sides are listed every --interval.",
                "Exit codes: 0 in sync; 1 some paths failed or changed during the run (run again); 2 conflicts "
                        + "open (archive-sync conflicts, resolve); 3 refused (deletions over --max-delete)."})
public final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SyncOptionsMixin options;

    @Parameters(index = "0", paramLabel = "A", description = "a local directory, s3://bucket/prefix, "
            + "gs://bucket/prefix, az://account/container/prefix, or REMOTE:bucket/prefix")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "the other location, in the same forms")
    String b;

    @Option(names = "--conflict", paramLabel = "STRATEGY", defaultValue = "manual",
            description = "timestamp_wins, local_wins (= a_wins), cloud_wins (= b_wins), manual (park it for "
                    + "'archive-sync resolve'), version_preserve (keep both)")
    String conflict;

    @Option(names = "--dry-run", description = "print the plan (each path, its action and why) and change nothing")
    boolean dryRun;

    @Option(names = "--max-delete", paramLabel = "N|P%", defaultValue = MaxDelete.DEFAULT,
            description = "deletions allowed on each side in one run: a count, or a percentage of the synced paths")
    String maxDelete;

    @Option(names = "--force", description = "go on beyond --max-delete, and delete on one side even though the "
            + "other listed nothing")
    boolean force;

    @Option(names = "--include", description = "glob (or regex:...) on the path to sync; repeatable. Default: all")
    List<String> include;

    @Option(names = "--exclude", description = "glob (or regex:...) on the path to leave alone; repeatable")
    List<String> exclude;

    @Option(names = "--parallelism", defaultValue = "8", description = "paths acted on at once")
    int parallelism;

    @Option(names = "--s3-check-by-head", description = "also check write conditions with a HEAD, for S3 servers "
            + "that ignore If-Match on copies (S3Proxy); leaves a short race window, which S3 itself does not")
    boolean s3CheckByHead;

    @Option(names = "--watch", description = "keep syncing until Ctrl-C or SIGTERM (which end it after the current "
            + "run, with that run's exit code): a change in a local side wakes a run at once (after 500 ms of quiet), "
            + "and every side is listed again each --interval. One summary line per run; a failed run is reported "
            + "and the watch goes on; a refused one (--max-delete) ends it")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "with --watch: how often every side is listed again (500ms, 30s, 5m ...); more than 0")
    String interval;

    /** Stops a {@code --watch} after its current run (what a signal does; a test calls it). */
    final Wakeup wakeup = new Wakeup();

    @Override
    public Integer call() {
        SyncOptions syncOptions;
        try {
            syncOptions = new SyncOptions(ConflictStrategy.parse(conflict), MaxDelete.parse(maxDelete), force,
                    new PathFilter(include, exclude), parallelism, SyncOptions.DEFAULT_PART_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("sync", e.getMessage());
        }
        Duration every = DurationParser.parse("--interval", interval);
        if (every.isNegative() || every.isZero()) {
            throw new ConfigException("--interval", "must be more than 0, not " + interval);
        }
        if (watch && dryRun) {
            throw new ConfigException("--watch", "a dry run changes nothing, so there is nothing to watch for: "
                    + "leave out --dry-run or --watch");
        }
        Place placeA = SyncPlaces.parse("A", a);
        Place placeB = SyncPlaces.parse("B", b);
        PrintWriter out = spec.commandLine().getOut();
        S3StoreOptions s3 = s3CheckByHead ? new S3StoreOptions(true, S3StoreOptions.MAX_SINGLE_PART,
                S3StoreOptions.DEFAULTS.copyPartBytes(), S3StoreOptions.DEFAULTS.copyPartsInFlight(), 1000)
                : S3StoreOptions.DEFAULTS;
        SyncWatchSignals signals = watch ? SyncWatchSignals.install(wakeup) : null;
        int code = 1;
        try {
            code = sync(syncOptions, placeA, placeB, s3, every, out);
            return code;
        } finally {
            if (signals != null) {
                signals.finished(code);
            }
        }
    }

    private int sync(SyncOptions syncOptions, Place placeA, Place placeB, S3StoreOptions s3, Duration every,
                     PrintWriter out) {
        try (SyncSession session = SyncSession.open(options, SyncPlaces.localRoots(placeA, placeB));
             Locations locations = new Locations(session.config().s3(), session.config().storage(), s3,
                     HttpOpener.jdk())) {
            SyncEndpoint endA = SyncPlaces.endpoint(locations, "A", placeA);
            SyncEndpoint endB = SyncPlaces.endpoint(locations, "B", placeB);
            SyncPrinter printer = new SyncPrinter(out, session.where());
            if (watch) {
                List<Path> locals = Stream.of(placeA, placeB).map(Place::local).filter(Objects::nonNull).toList();
                return new SyncWatch(new SyncPair(endA, endB), session.state(), syncOptions, locals, every)
                        .run(wakeup, printer, out, spec.commandLine().getErr(), options.json);
            }
            SyncReport report;
            try {
                report = new SyncRun(new SyncPair(endA, endB), session.state(), syncOptions).run(dryRun);
            } catch (ListingFailed e) {
                spec.commandLine().getErr().println("sync stopped: " + e.getMessage());
                return 1;
            }
            if (options.json) {
                printer.json(report, dryRun);
            } else {
                printer.text(report, dryRun);
            }
            out.flush();
            return dryRun && report.plan().refusal() == null ? 0 : report.exitCode();
        }
    }
}
