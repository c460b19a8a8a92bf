package io.archivesync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code archive-sync copy} as a user runs it: {@code bin/archive-sync} (the launcher, with its class-data-sharing
 * archive kept in the benchmark's own directory), or a plain {@code java -jar} of the jar, the pipeline embedded
 * (its broker's state in {@code stateDir}), the summary as JSON on stdout, INFO logs on stderr kept in a file for the
 * timing lines ({@code local pipeline started}, {@code job published}, {@code job done}).
 */
final class ArchiveSyncCopyProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final List<String> extra;
    private final Path launcher;
    private final Path cdsDir;

    /**
     * @param extra    more arguments for the command, after the benchmark's own ({@code --set x=y})
     * @param launcher {@code bin/archive-sync}, or null for {@code java -jar}
     * @param cdsDir   where the launcher keeps its class-data archive
     */
    ArchiveSyncCopyProcess(Path jar, URI endpoint, String accessKey, String secretKey, String region,
                           List<String> extra, Path launcher, Path cdsDir) {
        this.launcher = launcher;
        this.cdsDir = cdsDir;
        this.jar = jar;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.extra = List.copyOf(extra);
    }

    /** One run: its times, its summary and where its time went, from its own log lines. */
    record Run(ChildProcessTimer.Timed timed, JsonNode summary, CopyTimeline timeline, Path log) {
    }

    Run copy(String fromBucket, String toBucket, Path stateDir, Path logDir, String name, long serverPid)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(launcher != null ? List.of("sh", launcher.toString())
                : List.of(java, "-Darchivesync.console.level=INFO", "-jar", jar.toString()));
        command.addAll(List.of(
                "copy", "s3://" + fromBucket + "/", "s3://" + toBucket + "/",
                "--s3-endpoint", endpoint.toString(),
                "--set", "s3.accessKey=" + accessKey, "--set", "s3.secretKey=" + secretKey,
                "--set", "s3.pathStyle=true", "--set", "s3.region=" + region,
                "--state-dir", stateDir.toString(), "--json", "--no-live"));
        command.addAll(extra);
        Path out = logDir.resolve(name + ".out.json");
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile());
        if (launcher != null) {
            pb.environment().put("ARCHIVE_SYNC_JAR", jar.toAbsolutePath().toString());
            pb.environment().put("ARCHIVE_SYNC_CDS_DIR", cdsDir.toString());
            pb.environment().put("JAVA", java);
            pb.environment().put("JAVA_OPTS", "-Darchivesync.console.level=INFO");
        }
        LocalTime started = LocalTime.now();
        ChildProcessTimer.Timed timed = ChildProcessTimer.run(pb, serverPid);
        JsonNode summary = null;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                summary = JSON.readTree(line);
            }
        }
        if (timed.exitCode() != 0 || summary == null) {
            throw new IllegalStateException("archive-sync copy exited " + timed.exitCode()
                    + (summary == null ? " without a summary" : "") + "; see " + log + " and " + out);
        }
        return new Run(timed, summary, CopyTimeline.read(log, started, timed.wallSeconds()), log);
    }
}
