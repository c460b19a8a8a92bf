package io.archivesync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Temporary working directories that the servers delete when they stop, so test runs leave nothing behind. */
final class TempDirs {

    private static final Logger LOGGER = LoggerFactory.getLogger(TempDirs.class);

    private TempDirs() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory " + prefix + "*", e);
        }
    }

    /** The directory and its parents, made if missing. */
    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the directory " + dir, e);
        }
    }

    /** Deletes the tree; a failure is logged, not thrown, because it must never mask the error being handled. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirs::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            LOGGER.warn("Could not delete temporary directory dir={}", dir, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
