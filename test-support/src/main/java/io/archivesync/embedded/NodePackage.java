package io.archivesync.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pinned npm package of this checkout ({@code test-support/NAME}, with its {@code package-lock.json}) and the
 * {@code node} and {@code npm} on the PATH that run it.
 *
 * <p>Why {@code npm ci} from here: a fresh clone has no {@code node_modules}; the lock file, not the registry's
 * latest, decides what is installed. {@code .ci/run} installs node and npm when missing and runs the same
 * {@code npm ci}, so on CI this finds everything in place.
 */
final class NodePackage {

    private static final Logger LOGGER = LoggerFactory.getLogger(NodePackage.class);
    private static final long NPM_CI_TIMEOUT_MINUTES = 5;
    private static final int LOG_TAIL_LINES = 30;

    private final Path dir;

    private NodePackage(Path dir) {
        this.dir = dir;
    }

    /** {@code test-support/NAME} of this checkout, found upwards from the working directory. */
    static NodePackage locate(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("test-support").resolve(name);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return new NodePackage(candidate);
            }
        }
        throw new IllegalStateException("test-support/" + name + "/package.json not found above "
                + Path.of("").toAbsolutePath());
    }

    /** The executable {@code name} in the first PATH directory that has it. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Path dir() {
        return dir;
    }

    /**
     * Runs {@code npm ci} unless {@code node_modules/<marker>} exists already.
     *
     * @throws IllegalStateException if npm is missing or fails; the message carries the tail of its output
     */
    void ensureInstalled(String marker) {
        if (Files.isDirectory(dir.resolve("node_modules").resolve(marker))) {
            return;
        }
        Path npm = onPath("npm").orElseThrow(() -> new IllegalStateException("npm is not on the PATH, and "
                + dir.resolve("node_modules") + " is missing (.ci/run installs Debian's npm and runs npm ci)"));
        Path log = TempDirs.create("archive-sync-npm-ci-").resolve("npm-ci.log");
        LOGGER.info("Installing pinned npm dependencies with npm ci dir={} log={}", dir, log);
        long startedAt = System.nanoTime();
        try {
            Process ci = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!ci.waitFor(NPM_CI_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                ci.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " still running after "
                        + NPM_CI_TIMEOUT_MINUTES + " min\n" + tail(log));
            }
            if (ci.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + dir + " exited with " + ci.exitValue() + "\n"
                        + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + npm + " ci in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during npm ci in " + dir, e);
        } finally {
            TempDirs.deleteQuietly(log.getParent());
        }
        LOGGER.info("npm ci done dir={} millis={}", dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    /** The last lines of a log file, for error messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
