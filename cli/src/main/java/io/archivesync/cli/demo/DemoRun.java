package io.archivesync.cli.demo;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.processor.ProcessorService;
import io.archivesync.producer.ProducerJob;
import io.archivesync.sink.CopierService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/** The demo's script: servers, archive, pipeline, run one, check, run two, summary, stop. */
final class DemoRun {

    static final String SOURCE_BUCKET = "data.binance.vision";
    static final String MIRROR_BUCKET = "lakehouse";
    static final String MIRROR_PREFIX = "binance/";

    private final Path dir;
    private final int days;
    private final Duration timeout;
    private final PrintStream out;

    DemoRun(Path dir, int days, int timeoutSeconds, PrintStream out) {
        this.dir = dir.toAbsolutePath();
        this.days = days;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.out = out;
    }

    int run() throws Exception {
        long t0 = System.nanoTime();
        wipe(dir);
        Path s3Dir = Files.createDirectories(dir.resolve("s3"));
        out.println("archive-sync demo: starting embedded servers");
        try (DemoStack stack = DemoStack.start(s3Dir, out)) {
            SampleArchive.Spec spec = new SampleArchive.Spec(SampleArchive.Spec.demo().markets(),
                    SampleArchive.Spec.demo().symbols(), SampleArchive.Spec.demo().dataTypes(),
                    SampleArchive.Spec.demo().firstDay(), days, "1m", 1440);
            List<SampleArchive.Entry> archive = generate(stack, spec);
            AppConfig config = config(stack, spec);
            Topics topics = Topics.create(config);
            TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
            ProcessorService processor = ProcessorService.start(config, Duration.ofSeconds(60));
            CopierService copier = CopierService.start(config);
            try (ResultTally tally = new ResultTally(config.kafka().clientConfig(), topics.results())) {
                out.println("pipeline: producer -> " + topics.requests().name() + " -> processor -> "
                        + topics.serverSideBatches().name() + " -> sink -> " + topics.results().name());
                RunReport first = runOnce(1, config, processor, tally);
                DemoCheck.Verdict check = DemoCheck.verify(stack.s3().newClient(), SOURCE_BUCKET, MIRROR_BUCKET,
                        MIRROR_PREFIX, archive);
                out.printf("check: %d/%d mirrored objects byte-identical to the source; %d/%d zips match their"
                                + " .CHECKSUM%n", check.identical(), archive.size(), check.checksumsOk(),
                        check.zips());
                RunReport second = runOnce(2, config, processor, tally);
                DemoReport.print(out, first, second, check, stack.s3().endpoint(),
                        s3Dir.resolve(MIRROR_BUCKET).resolve(MIRROR_PREFIX), (System.nanoTime() - t0) / 1e9);
                boolean ok = first.summary().failed() == 0 && first.summary().copied() == archive.size()
                        && second.summary().results() == 0 && second.dropped() == archive.size()
                        && check.identical() == archive.size() && check.checksumsOk() == check.zips();
                return ok ? 0 : 1;
            } finally {
                copier.close();
                processor.close();
            }
        } finally {
            out.println("stopped all servers");
        }
    }

    private List<SampleArchive.Entry> generate(DemoStack stack, SampleArchive.Spec spec) {
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(SOURCE_BUCKET));
            s3.createBucket(b -> b.bucket(MIRROR_BUCKET));
            List<SampleArchive.Entry> entries = SampleArchive.generate(s3, SOURCE_BUCKET, spec);
            long bytes = entries.stream().mapToLong(SampleArchive.Entry::size).sum();
            out.printf("generated archive s3://%s/data/: %s x %s x %s x %d days = %d objects (%d zips + sidecars),"
                            + " %,d bytes%n", SOURCE_BUCKET, spec.markets(), spec.symbols(), spec.dataTypes(), days,
                    entries.size(), entries.size() / 2, bytes);
            return entries;
        }
    }

    private AppConfig config(DemoStack stack, SampleArchive.Spec spec) throws IOException {
        List<String> o = new ArrayList<>(List.of(
                "kafka.bootstrapServers=" + stack.kafka().bootstrapServers(),
                "kafka.schemaRegistryUrl=" + stack.schemaRegistryUrl(),
                "topics.partitions=3",
                "s3.endpoint=" + stack.s3().endpoint(),
                "s3.region=" + stack.s3().region(),
                "s3.accessKey=" + stack.s3().accessKey(),
                "s3.secretKey=" + stack.s3().secretKey(),
                "s3.pathStyle=true",
                "producer.sourceBucket=" + SOURCE_BUCKET,
                "producer.sourceRegion=" + stack.s3().region(),
                "producer.anonymousSource=false",
                "producer.markets=[" + String.join(",", spec.markets()) + "]",
                "producer.dataTypes=[" + String.join(",", spec.dataTypes()) + "]",
                "producer.symbols=[" + String.join(",", spec.symbols()) + "]",
                "producer.intervals=[" + spec.interval() + "]",
                "producer.from=" + spec.firstDay(),
                "producer.to=" + spec.firstDay().plusDays(spec.days() - 1L),
                "producer.destinationBucket=" + MIRROR_BUCKET,
                "producer.destinationPrefix=" + MIRROR_PREFIX,
                "processor.batch.maxRequests=25",
                "processor.batch.maxWait=300ms",
                "processor.statusPort=0",
                "sink.statusPort=0",
                "processor.stateDir=" + Files.createDirectories(dir.resolve("streams-state"))));
        return ConfigLoader.fromEnvironment().load(null, o);
    }

    private RunReport runOnce(int n, AppConfig config, ProcessorService processor, ResultTally tally) {
        int resultsBefore = tally.count();
        long droppedBefore = processor.droppedDuplicates();
        long t0 = System.nanoTime();
        out.printf("%nrun %d: enumerating s3://%s/data/ and producing requests%n", n, SOURCE_BUCKET);
        long emitted = new ProducerJob(config).run(count -> { });
        out.printf("run %d: %d requests produced%n", n, emitted);
        Progress progress = new Progress(out, n, emitted);
        awaitUntil(() -> {
            long done = (tally.count() - resultsBefore) + (processor.droppedDuplicates() - droppedBefore);
            progress.show(tally.count() - resultsBefore, processor.droppedDuplicates() - droppedBefore);
            return done >= emitted;
        });
        progress.finish(tally.count() - resultsBefore, processor.droppedDuplicates() - droppedBefore);
        return new RunReport(n, emitted, tally.summarise(resultsBefore),
                processor.droppedDuplicates() - droppedBefore, (System.nanoTime() - t0) / 1e9);
    }

    private void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not finish within " + timeout.toSeconds()
                        + " s (raise --timeout, or look at the log above)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One run's figures. */
    record RunReport(int run, long emitted, ResultTally.Summary summary, long dropped, double seconds) {
    }
}
