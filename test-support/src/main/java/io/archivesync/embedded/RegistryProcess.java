package io.archivesync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One launched registry JVM: its process, working directory and log, and the shutdown hook that kills it.
 *
 * <p>Why a hook: a child process is not tied to its parent's life; if the test JVM exits without closing the
 * registry, the hook still takes the child down with it.
 */
final class RegistryProcess {

    private static final Logger LOGGER = LoggerFactory.getLogger(RegistryProcess.class);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path workDir;
    private final Path logFile;
    private final long stopTimeoutSeconds;
    private final Thread shutdownHook;

    private RegistryProcess(Process process, int port, Path workDir, Path logFile, long stopTimeoutSeconds) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.logFile = logFile;
        this.stopTimeoutSeconds = stopTimeoutSeconds;
        this.shutdownHook = new Thread(this::terminate, "apicurio-registry-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the registry with this JVM's own java binary, in a fresh directory, output to a log file there. */
    static RegistryProcess launch(Path runnerJar, int port, long stopTimeoutSeconds) {
        Path workDir = TempDirs.create("archive-sync-apicurio-");
        Path logFile = workDir.resolve("registry.log");
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = ApicurioRegistry.command(java, runnerJar, port);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            closeStdin(process);
            LOGGER.debug("Schema registry launched pid={} port={} log={}", process.pid(), port, logFile);
            return new RegistryProcess(process, port, workDir, logFile, stopTimeoutSeconds);
        } catch (IOException e) {
            TempDirs.deleteQuietly(workDir);
            throw new UncheckedIOException("Could not launch " + String.join(" ", command), e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The last lines of the child's output, for error messages. */
    String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the child, removes the shutdown hook, deletes the working directory. */
    void stop() {
        terminate();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks, this one included; nothing to remove.
        }
        TempDirs.deleteQuietly(workDir);
    }

    /** SIGTERM, a grace period for Quarkus to shut down, then SIGKILL. */
    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopTimeoutSeconds, TimeUnit.SECONDS)) {
                LOGGER.warn("Schema registry ignored SIGTERM, killing pid={}", process.pid());
                process.destroyForcibly().waitFor(stopTimeoutSeconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The registry reads nothing; an open pipe to it would only hold a descriptor. */
    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Closing our end of an unused pipe cannot matter to the child.
        }
    }
}
