package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.PlanStrategy;
import io.archivesync.core.topic.Topics;
import io.archivesync.producer.PlanSummary;
import io.archivesync.producer.ProducerJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Enumerates the archive once and emits one request per object, or with {@code --dry-run} only prints the plan. */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = "Enumerate an archive and emit one file-to-sync request per object.")
final class ProducerCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    ArchiveFilterOptions archive;

    @Option(names = "--strategy", description = "generate (build keys) or list (ListObjectsV2) (producer.strategy). "
            + "Default: ${bundle:producer.strategy:-unset}")
    String strategy;

    @Option(names = "--include", description = "key glob, or regex:..., to keep (producer.include; repeatable). "
            + "Default: ${bundle:producer.include:-unset}")
    List<String> include;

    @Option(names = "--exclude", description = "key glob, or regex:..., to leave out (producer.exclude; repeatable). "
            + "Default: ${bundle:producer.exclude:-unset}")
    List<String> exclude;

    @Option(names = "--dry-run", description = "print the plan and its counts; produce nothing")
    boolean dryRun;

    @Option(names = "--show", defaultValue = "20", description = "with --dry-run: how many planned keys to print")
    int show;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    @Override
    public Integer call() {
        AppConfig config = options.load(overrides());
        ProducerJob job = new ProducerJob(config);
        if (dryRun) {
            return dryRun(job, config);
        }
        SharedRegistry.require(config);
        boolean progress = !noProgress;
        long total = progress && config.producer().strategy() == PlanStrategy.GENERATE ? job.plan(o -> { }) : -1;
        ProgressBar bar = progress ? new ProgressBar(System.err, total, System.console() != null) : null;
        long emitted = job.run(n -> {
            if (bar != null) {
                bar.update(n);
            }
        });
        if (bar != null) {
            bar.finish(emitted);
        }
        System.out.printf("emitted %d requests to %s%n", emitted, Topics.create(config).requests().name());
        return 0;
    }

    private int dryRun(ProducerJob job, AppConfig config) {
        PlanSummary summary = new PlanSummary();
        long[] printed = {0};
        System.out.printf("plan (strategy %s, nothing is produced):%n", config.producer().strategy().text());
        job.plan(object -> {
            summary.accept(object);
            if (printed[0]++ < show) {
                System.out.println("  " + object.key() + (object.size() == null ? "" : "  " + object.size()));
            }
        });
        if (summary.total() > show) {
            System.out.printf("  ... and %d more%n", summary.total() - show);
        }
        summary.print(System.out);
        return 0;
    }

    private List<String> overrides() {
        List<String> o = new ArrayList<>();
        archive.addTo(o);
        if (include != null) {
            o.add("producer.include=" + quoted(include));
        }
        if (exclude != null) {
            o.add("producer.exclude=" + quoted(exclude));
        }
        if (strategy != null) {
            o.add("producer.strategy=" + strategy);
        }
        return o;
    }

    /** A YAML list of quoted strings: patterns hold characters ({@code *}, {@code :}) that YAML would read. */
    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(",", "[", "]"));
    }
}
