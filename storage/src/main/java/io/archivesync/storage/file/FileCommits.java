package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Precondition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a finished temporary file in place of its target, or deletes a target, when the precondition holds: the check
 * runs just before the rename, under a lock per path (striped) so that two writes in this process cannot both pass it.
 * "Must be absent" is a hard link, which the kernel refuses atomically when the name exists; a plain rename would
 * replace it (on Linux, {@code ATOMIC_MOVE} replaces whatever the options say).
 */
final class FileCommits {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileCommits.class);
    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];

    FileCommits() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Renames {@code temporary} to {@code target} if the precondition holds; on any failure the temporary file is
     * deleted. @return what the store now says about the target
     */
    BlobInfo commit(Path temporary, Path target, BlobRef ref, Precondition precondition) {
        try {
            FileStat written = FileStat.of(temporary);
            synchronized (lockFor(target)) {
                check(target, precondition);
                if (precondition.absent()) {
                    linkUnlessExists(temporary, target);
                } else {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            syncDirectory(target.getParent());
            return written.info(ref);
        } catch (IOException e) {
            discard(temporary);
            throw FileErrors.of("cannot complete the write of " + target, e);
        } catch (RuntimeException e) {
            discard(temporary);
            throw e;
        }
    }

    /** Deletes the target if the precondition holds; a target that is not there is deleted already. */
    void delete(Path target, Precondition precondition) {
        synchronized (lockFor(target)) {
            FileStat stat = FileStat.orNull(target);
            if (stat == null || stat.kind() == FileStat.Kind.DIRECTORY) {
                return;
            }
            if (stat.kind() != FileStat.Kind.FILE) {
                throw FileErrors.invalid("refused to delete " + target + ": it is a " + stat.kind()
                        + ", not a file");
            }
            if (precondition.absent()) {
                throw FileErrors.precondition(target + " exists, and was to be absent");
            }
            if (precondition.ifVersion() != null && !precondition.ifVersion().equals(stat.version())) {
                throw FileErrors.precondition(target + " is at version " + stat.version() + ", not "
                        + precondition.ifVersion());
            }
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw FileErrors.of("cannot delete " + target, e);
            }
        }
    }

    /** Deletes a temporary file; never throws. */
    static void discard(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOGGER.warn("temporary={} left behind: {}", temporary, e.toString());
        }
    }

    private static void check(Path target, Precondition precondition) {
        if (precondition.ifVersion() == null) {
            return; // absence is checked by the link itself
        }
        FileStat stat = FileStat.orNull(target);
        if (stat == null || stat.kind() != FileStat.Kind.FILE) {
            throw FileErrors.precondition(target + " is gone; the write expected version "
                    + precondition.ifVersion());
        }
        if (!precondition.ifVersion().equals(stat.version())) {
            throw FileErrors.precondition(target + " changed: version " + stat.version() + ", not "
                    + precondition.ifVersion());
        }
    }

    private static void linkUnlessExists(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw FileErrors.precondition(target + " exists, and was to be absent");
        } catch (UnsupportedOperationException e) {
            // no hard links here (some network or foreign file systems): a move that refuses an existing target,
            // checked and renamed by the JDK with a short window between the two
            try {
                Files.move(temporary, target);
                return;
            } catch (FileAlreadyExistsException exists) {
                throw FileErrors.precondition(target + " exists, and was to be absent");
            }
        }
        discard(temporary);
    }

    /** Makes the rename durable where the platform allows opening a directory; best effort elsewhere. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOGGER.debug("directory={} not synced: {}", directory, e.toString());
        }
    }

    private Object lockFor(Path target) {
        return locks[Math.floorMod(target.hashCode(), STRIPES)];
    }
}
