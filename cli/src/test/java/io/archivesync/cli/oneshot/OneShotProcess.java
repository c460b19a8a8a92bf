package io.archivesync.cli.oneshot;

import io.archivesync.cli.Main;
import io.archivesync.embedded.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code archive-sync} command line in a child JVM on this test's classpath, as a user starts it, so that it
 * can be killed the way a user's machine kills it. What it prints goes to files the test reads while it runs.
 */
final class OneShotProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private OneShotProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code archive-sync args...} with the stack's S3 and {@code stateDir}; its output goes under logs. */
    static OneShotProcess start(Stack stack, Path stateDir, Path logs, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(OneShotRun.arguments(stack, stateDir, args));
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "stdout-", ".txt");
            Path err = Files.createTempFile(logs, "stderr-", ".txt");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new OneShotProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start archive-sync in a child JVM", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String err() {
        return read(err);
    }

    String out() {
        return read(out);
    }

    /** Kills it as {@code kill -9} would (no shutdown hook runs) and waits for it to be gone; returns its exit code. */
    int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child JVM did not end within 30 s of being killed");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
