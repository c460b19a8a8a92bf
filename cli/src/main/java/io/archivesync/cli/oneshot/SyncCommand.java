package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
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
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        SyncOptions syncOptions;
        try {
            syncOptions = new SyncOptions(ConflictStrategy.parse(conflict), MaxDelete.parse(maxDelete), force,
                    new PathFilter(include, exclude), parallelism, SyncOptions.DEFAULT_PART_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("sync", e.getMessage());
        }
        Place placeA = SyncPlaces.parse("A", a);
        Place placeB = SyncPlaces.parse("B", b);
        PrintWriter out = spec.commandLine().getOut();
        S3StoreOptions s3 = s3CheckByHead ? new S3StoreOptions(true, S3StoreOptions.MAX_SINGLE_PART,
                S3StoreOptions.DEFAULTS.copyPartBytes(), S3StoreOptions.DEFAULTS.copyPartsInFlight(), 1000)
                : S3StoreOptions.DEFAULTS;
        try (SyncSession session = SyncSession.open(options, SyncPlaces.localRoots(placeA, placeB));
             Locations locations = new Locations(session.config().s3(), session.config().storage(), s3,
                     HttpOpener.jdk())) {
            SyncEndpoint endA = SyncPlaces.endpoint(locations, "A", placeA);
            SyncEndpoint endB = SyncPlaces.endpoint(locations, "B", placeB);
            SyncReport report;
            try {
                report = new SyncRun(new SyncPair(endA, endB), session.state(), syncOptions).run(dryRun);
            } catch (ListingFailed e) {
                spec.commandLine().getErr().println("sync stopped: " + e.getMessage());
                return 1;
            }
            SyncPrinter printer = new SyncPrinter(out, session.where());
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
