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
 * One launched Azurite blob service: its node process, working directory and log, and the shutdown hook that stops
 * it if the test JVM exits first.
 *
 * <p>Why two SIGTERMs: Azurite's first SIGTERM starts a graceful close that can wait on open keep-alive
 * connections; it exits on the second. A process that ignores both is killed.
 */
final class AzuriteProcess {

    private static final Logger LOGGER = LoggerFactory.getLogger(AzuriteProcess.class);
    private static final String LISTENING = "successfully listens on";
    private static final long FIRST_TERM_GRACE_MILLIS = 2_000;
    private static final long SECOND_TERM_GRACE_MILLIS = 5_000;

    private final Process process;
    private final int port;
    private final Path workDir;
    private final Path logFile;
    private final Thread shutdownHook;

    private AzuriteProcess(Process process, int port, Path workDir, Path logFile) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::terminate, "azurite-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code node main.js} for the blob service on {@code port}, in a fresh directory, output to a log there. */
    static AzuriteProcess launch(Path node, Path packageDir, int port) {
        Path workDir = TempDirs.create("archive-sync-azurite-");
        Path logFile = workDir.resolve("azurite.log");
        List<String> command = command(node, packageDir, port);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            process.getOutputStream().close();
            LOGGER.debug("Azurite launched pid={} port={} log={}", process.pid(), port, logFile);
            return new AzuriteProcess(process, port, workDir, logFile);
        } catch (IOException e) {
            TempDirs.deleteQuietly(workDir);
            throw new UncheckedIOException("Could not launch " + String.join(" ", command), e);
        }
    }

    /**
     * The blob service only, in memory, on loopback. {@code --skipApiVersionCheck}: an SDK newer than Azurite asks
     * for an API version Azurite does not know yet. {@code --loose}: headers Azurite does not implement are ignored,
     * not refused. {@code --disableTelemetry}: tests send nothing to Microsoft.
     */
    static List<String> command(Path node, Path packageDir, int port) {
        return List.of(node.toString(),
                packageDir.resolve("node_modules/azurite/dist/src/blob/main.js").toAbsolutePath().toString(),
                "--blobHost", FreePorts.LOOPBACK,
                "--blobPort", String.valueOf(port),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--loose",
                "--disableTelemetry");
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

    /** True once Azurite has logged that it listens; it accepts connections from then on. */
    boolean listening() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains(LISTENING);
        } catch (IOException notYet) {
            return false;
        }
    }

    String logTail() {
        return NodePackage.tail(logFile);
    }

    /** Stops the child, removes the shutdown hook, deletes the working directory; the SIGTERMs it took. */
    int stop() {
        int sigterms = terminate();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks, this one included; nothing to remove.
        }
        TempDirs.deleteQuietly(workDir);
        return sigterms;
    }

    /**
     * SIGTERM, a short grace; SIGTERM again, a longer one; then SIGKILL. Only ever this child, by its PID (Process
     * signals the process it started, never a name). Returns the SIGTERMs sent.
     */
    private int terminate() {
        int sigterms = 0;
        try {
            for (long grace : new long[] {FIRST_TERM_GRACE_MILLIS, SECOND_TERM_GRACE_MILLIS}) {
                if (!process.isAlive()) {
                    return sigterms;
                }
                process.destroy();
                sigterms++;
                if (process.waitFor(grace, TimeUnit.MILLISECONDS)) {
                    return sigterms;
                }
            }
            LOGGER.warn("Azurite ignored two SIGTERMs, killing pid={}", process.pid());
            process.destroyForcibly().waitFor(SECOND_TERM_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return sigterms;
    }
}
