package io.archivesync.cli.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code test-support/browser/dashboard-check.mjs}: node driving headless chromium through playwright-core.
 * Node, npm and chromium are found on the PATH ({@code .ci/run} installs them); without them the test is skipped
 * with a message saying what is missing. The script's dependencies come from its lock file ({@code npm ci}) when
 * they are not installed yet. Its stdout lines are collected as they come.
 */
final class BrowserCheck implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrowserCheck.class);

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Path log;

    private BrowserCheck(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "browser-check-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the check against {@code url}; it ends by itself once the page showed {@code expectCopied}. */
    static BrowserCheck start(String url, Path screenshot, long expectCopied) throws IOException, InterruptedException {
        Path node = onPath("node").orElse(null);
        Path npm = onPath("npm").orElse(null);
        Path chromium = onPath("chromium").or(() -> onPath("chromium-browser")).orElse(null);
        assumeTrue(node != null && npm != null, "node and npm are not on the PATH: the browser test needs them"
                + " (.ci/run installs them)");
        assumeTrue(chromium != null, "chromium is not on the PATH: the browser test needs it (.ci/run installs"
                + " Debian's chromium)");
        Path dir = scriptDir();
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            LOGGER.info("installing the browser check's dependencies with npm ci dir={}", dir);
            Process ci = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(target.resolve("npm-ci.log").toFile()).start();
            if (!ci.waitFor(5, TimeUnit.MINUTES) || ci.exitValue() != 0) {
                ci.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + dir + "; see " + target.resolve("npm-ci.log"));
            }
        }
        Path log = target.resolve("dashboard-check.log");
        Process p = new ProcessBuilder(node.toString(), "dashboard-check.mjs", "--url", url,
                "--chromium", chromium.toString(), "--screenshot", screenshot.toAbsolutePath().toString(),
                "--expect-copied", String.valueOf(expectCopied), "--timeout", "150000")
                .directory(dir.toFile()).redirectError(log.toFile()).start();
        return new BrowserCheck(p, log);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOGGER.info("browser check: {}", line);
                lines.add(line);
            }
        } catch (IOException e) {
            LOGGER.warn("browser check output lost error={}", e.toString());
        }
    }

    /** The COPIED counts the page showed, in order. */
    List<Long> copiedSeen() {
        return lines.stream().filter(l -> l.startsWith("copied ")).map(l -> Long.parseLong(l.substring(7))).toList();
    }

    boolean ready() {
        return lines.contains("ready");
    }

    boolean ended() {
        return !process.isAlive();
    }

    /** Waits for the check to end; its exit code, with its stderr in {@code target/dashboard-check.log}. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("browser check still running after " + seconds + " s; see " + log);
        }
        return process.exitValue();
    }

    String errors() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code test-support/browser} of this checkout, found upwards from the module the test runs in. */
    private static Path scriptDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("test-support/browser");
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("test-support/browser not found above " + Path.of("").toAbsolutePath());
    }
}
