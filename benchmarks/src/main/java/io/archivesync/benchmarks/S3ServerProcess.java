package io.archivesync.benchmarks;

import io.archivesync.embedded.EmbeddedS3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * An embedded S3 (files on disk or in memory, optional latency) in a JVM of its own, so that a benchmark's heap figures are the
 * copier's alone. {@link #main} prints the endpoint and stops when its stdin closes.
 */
final class S3ServerProcess implements AutoCloseable {

    private static final String IN_MEMORY = "memory";
    private final Process process;
    final URI endpoint;

    private S3ServerProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param dataDir where the objects live, or null to keep them in the server's memory (a fixed 6 GiB heap) */
    static S3ServerProcess start(Path dataDir, int latencyMillis) throws IOException {
        // in memory, the heap is sized up front: growing it under the first big upload slows that upload down
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                dataDir == null ? "-Xmx6g" : "-Xmx1g", dataDir == null ? "-Xms6g" : "-Xms64m",
                "-cp", System.getProperty("java.class.path"),
                S3ServerProcess.class.getName(), dataDir == null ? IN_MEMORY : dataDir.toString(),
                String.valueOf(latencyMillis))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("endpoint=")) {
                return new S3ServerProcess(p, URI.create(line.substring("endpoint=".length())));
            }
        }
        throw new IllegalStateException("S3 server process ended without an endpoint");
    }

    /** The server's process id, to read the CPU it uses. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        EmbeddedS3.Options options = EmbeddedS3.Options.defaults().withLatencyMillis(Long.parseLong(args[1]));
        if (!args[0].equals(IN_MEMORY)) {
            options = options.withDataDir(Path.of(args[0]));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(options)) {
            List.of("endpoint=" + s3.endpoint()).forEach(System.out::println);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
