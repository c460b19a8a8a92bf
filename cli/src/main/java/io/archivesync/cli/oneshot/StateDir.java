package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The directory where the embedded broker's log and the processor's stores persist between runs, held by one process
 * at a time: two brokers on one log directory would corrupt it. The lock is the operating system's
 * ({@link FileChannel#tryLock()}), so a killed process never leaves it held; the lock file names its holder.
 */
final class StateDir implements AutoCloseable {

    /** Where the state lives unless {@code --state-dir} says otherwise, under the user's home. */
    static final String DEFAULT_RELATIVE = ".archive-sync/state";
    static final String LOCK_FILE = "lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private StateDir(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** {@code ~/.archive-sync/state}, from {@code user.home} at run time. */
    static Path defaultPath() {
        return Path.of(System.getProperty("user.home")).resolve(DEFAULT_RELATIVE);
    }

    /** Creates the directory if needed and takes its lock, or refuses in one line naming the directory and holder. */
    static StateDir lock(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(absolute);
                channel.close();
                throw new ConfigException("--state-dir", "the state directory " + absolute + " is in use by another"
                        + " archive-sync command (" + holder + "); wait for it to end, or pass another --state-dir");
            }
            String me = "pid " + ProcessHandle.current().pid() + " since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StateDir(absolute, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state directory " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Path dir) {
        try {
            String text = Files.readString(dir.resolve(LOCK_FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    Path path() {
        return dir;
    }

    Path kafkaDir() {
        return dir.resolve("kafka");
    }

    Path streamsDir() {
        return dir.resolve("streams");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + dir, e);
        }
    }
}
