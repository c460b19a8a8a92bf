package io.archivesync.benchmarks;

import io.archivesync.embedded.gcs.GcsFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The GCS JSON API fixture of the tests ({@link GcsFixture}, objects in memory) in a JVM of its own, as
 * {@link S3ServerProcess} is for S3, so that a benchmark's heap figures are the copier's alone: in the benchmark's
 * JVM the fixture's copies of the object would count as the copier's heap. {@link #main} prints the endpoint and
 * stops when its stdin closes.
 */
final class GcsServerProcess implements AutoCloseable {

    private final Process process;
    final URI endpoint;

    private GcsServerProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * @param heapMiB the server's heap: it holds every object, and each open resumable upload's bytes (a finished
     *                one keeps only its resource); when it runs out the process exits, and the client sees its
     *                connection closed
     */
    static GcsServerProcess start(long heapMiB) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMiB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                GcsServerProcess.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("endpoint=")) {
                return new GcsServerProcess(p, URI.create(line.substring("endpoint=".length())));
            }
        }
        throw new IllegalStateException("GCS fixture process ended without an endpoint");
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
        try (GcsFixture gcs = GcsFixture.start()) {
            List.of("endpoint=" + gcs.endpoint().endpoint()).forEach(System.out::println);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
