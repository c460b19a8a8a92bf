package io.archivesync.benchmarks;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.S3Settings;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.file.FileBlobStore;
import io.archivesync.storage.s3.S3BlobStore;
import io.archivesync.storage.s3.S3StoreOptions;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.MaxDelete;
import io.archivesync.sync.plan.PathFilter;
import io.archivesync.sync.plan.SyncOptions;
import io.archivesync.sync.run.SyncReport;
import io.archivesync.sync.run.SyncRun;
import io.archivesync.sync.state.KafkaSyncState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code sync} of a local directory with an S3 prefix in a JVM of its own (cold, as the command is), its state on
 * a broker given by address: what {@code archive-sync sync DIR s3://... --bootstrap-servers ...} does, minus picocli.
 * {@link #main} prints one {@code result ...} line with its own peak and live heap.
 */
final class SyncProcess {

    /** What a child run said. */
    record Result(String line, double wallSeconds) {

        long value(String key) {
            for (String part : line.split(" ")) {
                if (part.startsWith(key + "=")) {
                    return Long.parseLong(part.substring(key.length() + 1));
                }
            }
            return -1;
        }
    }

    private SyncProcess() {
    }

    /** @param heap the child's JVM flags, space-separated ({@code -Xmx512m}) */
    static Result run(String heap, String bootstrap, URI endpoint, String bucket, String prefix, Path dir)
            throws IOException, InterruptedException {
        EmbeddedS3.Options o = EmbeddedS3.Options.defaults();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(heap.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncProcess.class.getName(),
                bootstrap, endpoint.toString(), o.accessKey(), o.secretKey(), bucket, prefix, dir.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                dir.resolveSibling(dir.getFileName() + "-sync.log").toFile())).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("result ")) {
                    result = line;
                }
            }
        }
        int rc = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (result == null) {
            throw new IllegalStateException("the sync process exited " + rc + " without a result");
        }
        return new Result(result, wall);
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        AppConfig config = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, List.of(
                "kafka.bootstrapServers=" + bootstrap, "kafka.schemaRegistryUrl=mock://sync-bench",
                "topics.prefix=sync-bench.", "topics.partitions=2"));
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.sync());
        HeapSampler heap = new HeapSampler(20);
        long t0 = System.nanoTime();
        try (BlobStore s3 = S3BlobStore.create(new S3Settings(args[1], EmbeddedS3.REGION, args[2], args[3], true, 64),
                false, S3StoreOptions.DEFAULTS);
             BlobStore files = new FileBlobStore();
             KafkaSyncState state = KafkaSyncState.open(config.kafka().clientConfig(), topics)) {
            Path dir = Path.of(args[6]);
            SyncPair pair = new SyncPair(
                    new SyncEndpoint(files, new BlobRef("file", "", dir.toString().substring(1) + "/"), dir.toString()),
                    new SyncEndpoint(s3, new BlobRef("s3", args[4], args[5]), "s3://" + args[4] + "/" + args[5]));
            SyncOptions options = new SyncOptions(ConflictStrategy.TIMESTAMP_WINS, MaxDelete.parse("10%"), false,
                    PathFilter.ALL, 8, SyncOptions.DEFAULT_PART_BYTES);
            SyncReport report = new SyncRun(pair, state, options).run(false);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            heap.close();
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            System.out.println("result exit=" + report.exitCode() + " listedA=" + report.plan().listedA()
                    + " listedB=" + report.plan().listedB() + " actions=" + report.plan().decisions().size()
                    + " hashed=" + report.plan().hashedFiles() + " millis=" + millis + " peakHeapMiB="
                    + heap.peakMiB() + " liveHeapMiBAfterGc=" + live + " done=" + report.done().toString()
                    .replace(" ", ""));
        }
    }
}
