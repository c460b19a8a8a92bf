package io.archivesync.benchmarks;

import io.archivesync.core.config.AppConfig;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.embedded.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole command against rclone: {@code archive-sync copy s3://src/ s3://dst/} as a fresh {@code java -jar} (JVM
 * start-up, embedded broker, processor and copier included) and {@code rclone copy} as a process, each into a fresh
 * destination bucket of one S3Proxy running in a process of its own, then each again over the complete mirror it
 * made (archive-sync on the same state directory). Contenders alternate their order round by round.
 *
 * <p>Arguments: {@code --small N --small-kib K --large N --large-mib M} (default 2,000 x 64 KiB, nothing large),
 * {@code --workload-a} (the issue's: 2,000 x 64 KiB + 8 x 64 MiB), {@code --latency-ms L} (added to every storage
 * operation), {@code --rounds R}, {@code --on-disk} (the server keeps objects in files), {@code --jar PATH} (default
 * {@code cli/target/archive-sync.jar}), {@code --no-launcher} (time {@code java -jar} instead of
 * {@code bin/archive-sync}), and {@code --set x=y} (repeatable) passed on to archive-sync. Without rclone
 * on the PATH its rows are left out, with a message.
 */
public final class CopyCommandBenchmark {

    private static final List<String> RCLONE_64 = List.of("--transfers", "64", "--checkers", "64");

    private CopyCommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean workloadA = Arrays.asList(args).contains("--workload-a");
        CopyWorkload workload = new CopyWorkload(ServerSideCopyBenchmark.intArg(args, "--small", 2000),
                ServerSideCopyBenchmark.intArg(args, "--small-kib", 64),
                ServerSideCopyBenchmark.intArg(args, "--large", workloadA ? 8 : 0),
                ServerSideCopyBenchmark.intArg(args, "--large-mib", 64));
        int latency = ServerSideCopyBenchmark.intArg(args, "--latency-ms", 0);
        int rounds = ServerSideCopyBenchmark.intArg(args, "--rounds", 1);
        boolean onDisk = Arrays.asList(args).contains("--on-disk");
        Path jar = Path.of(stringArg(args, "--jar", "cli/target/archive-sync.jar"));
        Path launcher = Arrays.asList(args).contains("--no-launcher") ? null : Path.of("bin/archive-sync");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (./mvnw -B -q "
                    + "-DskipTests package -pl cli,benchmarks -am) or pass --jar");
        }
        boolean rclone = Rclone.available();
        if (!rclone) {
            System.out.println("rclone is not on the PATH (Debian/Ubuntu: apt-get install rclone): its rows and the "
                    + "ratio column are left out");
        }
        Path work = Files.createTempDirectory("archive-sync-copy-bench");
        EmbeddedS3.Options o = EmbeddedS3.Options.defaults();
        try (S3ServerProcess server = S3ServerProcess.start(onDisk ? work.resolve("s3") : null, latency);
             S3Client s3 = new Stack.S3Endpoint(server.endpoint, EmbeddedS3.REGION, o.accessKey(), o.secretKey())
                     .newClient()) {
            AppConfig config = BenchSupport.config(server.endpoint, o.accessKey(), o.secretKey(), 64);
            workload.populate(s3, config, "src");
            System.out.printf("workload: %s, latency %d ms, server store %s; logs and state in %s%n", workload,
                    latency, onDisk ? "on disk" : "in memory", work);
            ContenderRunner runner = new ContenderRunner(s3, server, work, workload,
                    new ArchiveSyncCopyProcess(jar, server.endpoint, o.accessKey(), o.secretKey(),
                            EmbeddedS3.REGION, sets(args), launcher, work.resolve("cds")),
                    new Rclone(server.endpoint, o.accessKey(), o.secretKey(), EmbeddedS3.REGION));
            if (launcher != null) {
                runner.warmUpLauncher();
                System.out.println("archive-sync runs as bin/archive-sync; an untimed first run wrote its "
                        + "class-data-sharing archive (--no-launcher: java -jar)");
            }
            for (int r = 1; r <= rounds; r++) {
                List<String> order = new ArrayList<>(List.of("archive-sync", "rclone", "rclone-64"));
                if (!rclone) {
                    order.retainAll(List.of("archive-sync"));
                }
                if (r % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                List<ContenderRunner.Row> rows = new ArrayList<>();
                for (String c : order) {
                    rows.addAll(switch (c) {
                        case "archive-sync" -> runner.archiveSync();
                        case "rclone" -> runner.rclone("rclone (defaults)", List.of());
                        default -> runner.rclone("rclone --transfers 64 --checkers 64", RCLONE_64);
                    });
                }
                print(r, rows, workload.objects());
            }
        } finally {
            if (!Arrays.asList(args).contains("--keep")) {
                deleteTree(work.resolve("state"));
            }
        }
    }

    private static void print(int round, List<ContenderRunner.Row> rows, int objects) {
        System.out.printf("%nround %d (%d objects)%n", round, objects);
        System.out.printf("%-52s %7s %7s %10s  %-20s %9s  %s%n", "contender", "wall s", "CPU s", "server CPU",
                "storage req/object", "vs rclone", "what it did");
        for (ContenderRunner.Row row : rows) {
            ContenderRunner.Row ref = rows.stream()
                    .filter(x -> x.contender().startsWith("rclone --transfers 64") && x.pass() == row.pass())
                    .findFirst().orElse(null);
            ChildProcessTimer.Timed t = row.timed();
            System.out.printf(Locale.ROOT, "%-52s %7.2f %7.2f %10.2f  %-20s %9s  %s%n",
                    row.label(), t.wallSeconds(), t.cpuSeconds(),
                    t.serverCpuSeconds(), row.requestsPerObject(), ref == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", ref.timed().wallSeconds() / t.wallSeconds()),
                    row.note());
        }
        System.out.println("(vs rclone: the wall time of rclone --transfers 64 over this one's, same pass;"
                + " above 1 = faster than rclone)");
        rows.stream().filter(x -> x.timeline() != null).forEach(x -> System.out.printf("  %s: %s%n",
                x.label(), x.timeline()));
    }

    private static List<String> sets(String[] args) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--set")) {
                sets.add("--set");
                sets.add(args[i + 1]);
            }
        }
        return sets;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
