package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local file system, or one directory of it, as a store (see the package description for what files can and
 * cannot do). Metadata calls
 * and copies run on this store's own threads, since a stat or a copy on a network file system can block for long.
 */
public final class FileBlobStore implements BlobStore {

    /** Objects per listing page, as S3 pages them. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private static final Logger LOGGER = LoggerFactory.getLogger(FileBlobStore.class);
    private static final Capabilities CAPABILITIES = new Capabilities(true, false, false, true, true, Long.MAX_VALUE);

    private final FileKeys keys;
    private final int pageSize;
    private final FileCommits commits = new FileCommits();
    private final ExecutorService executor;

    /** The whole file system: {@code file:///a/b} is {@code /a/b}. */
    public FileBlobStore() {
        this(Path.of("/"), DEFAULT_PAGE_SIZE);
    }

    /**
     * A store kept in one directory, which {@code file:///} stands for: {@code file:///a/b} is {@code root/a/b}, and
     * keys are listed relative to it. Keys cannot climb out of it ({@code ..} is refused), but symbolic links among
     * its directories are followed, so it is a convenience (a test's temporary directory, a mirror's destination
     * tree), not a security boundary.
     *
     * @param root     an existing directory
     * @param pageSize objects and prefixes per listing page
     */
    public FileBlobStore(Path root, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a listing page holds at least one entry, not " + pageSize);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("the root of a file store must be a directory: " + root);
        }
        this.keys = new FileKeys(root);
        this.pageSize = pageSize;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "archive-sync-file-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String scheme() {
        return FileKeys.SCHEME;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        return async(() -> {
            Path path = keys.object(ref);
            FileStat stat = FileStat.orNull(path);
            if (stat == null || stat.kind() == FileStat.Kind.DIRECTORY) {
                return Optional.empty();
            }
            return Optional.of(regular(ref, stat).info(ref));
        });
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions options) {
        Path path = keys.object(ref);
        FileStat before = FileStat.orNull(path);
        if (before == null || before.kind() == FileStat.Kind.DIRECTORY) {
            throw FileErrors.notFound(ref + " does not exist");
        }
        regular(ref, before); // a FIFO would block the open below
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw FileErrors.of("cannot read " + ref, e);
        }
        try {
            FileStat stat = FileStat.of(path); // after opening: what was opened, unless replaced in between
            if (stat.inode() != before.inode()) {
                throw FileErrors.precondition(ref + " was replaced while it was being opened");
            }
            if (options.ifVersion() != null && !options.ifVersion().equals(stat.version())) {
                throw FileErrors.precondition(ref + " is at version " + stat.version() + ", not "
                        + options.ifVersion());
            }
            if (options.offset() > stat.size()) {
                throw FileErrors.invalid("the range of " + ref + " starts at " + options.offset()
                        + ", past its end (" + stat.size() + " bytes)");
            }
            long end = options.length() < 0 ? stat.size() : Math.min(stat.size(), options.offset() + options.length());
            return new FileRead(stat.info(ref), channel, options.offset(), end);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e instanceof IOException io ? FileErrors.of("cannot read " + ref, io) : (RuntimeException) e;
        }
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions options) {
        Path target = keys.object(ref);
        if (FileKeys.isTemporary(target.getFileName().toString())) {
            throw FileErrors.invalid(ref + " has the form of a temporary name, which listings skip");
        }
        Path temporary = FileKeys.temporary(target);
        try {
            Files.createDirectories(target.getParent());
            Files.createFile(temporary);
            return new FileWrite(ref, target, temporary, 0, options, commits);
        } catch (FileAlreadyExistsException e) {
            throw FileErrors.invalid("cannot write " + ref + ": a parent of it is a file (" + e.getFile() + ")");
        } catch (IOException e) {
            throw FileErrors.of("cannot start writing " + ref, e);
        }
    }

    /**
     * Goes on writing the temporary file {@code writeId}, from its length. Only a temporary file of {@code ref} (next
     * to it, named after it) is taken, so an id read from elsewhere (a journal) cannot make this store write any other
     * file.
     */
    @Override
    public Optional<BlobWrite> resume(BlobRef ref, String writeId, WriteOptions options) {
        Path target = keys.object(ref);
        Path temporary;
        try {
            temporary = writeId == null ? null : Path.of(writeId);
        } catch (InvalidPathException e) {
            temporary = null;
        }
        if (temporary == null || !FileKeys.isTemporaryOf(target, temporary)) {
            LOGGER.warn("Not resuming a write whose id is not a temporary file of ref={} writeId={}", ref, writeId);
            return Optional.empty();
        }
        FileStat stat = FileStat.orNull(temporary);
        if (stat == null || stat.kind() != FileStat.Kind.FILE) {
            LOGGER.info("Nothing to resume ref={} temporary={} found={}", ref, temporary,
                    stat == null ? "nothing" : stat.kind());
            return Optional.empty();
        }
        LOGGER.info("Write resumed ref={} temporary={} bytes={}", ref, temporary, stat.size());
        return Optional.of(new FileWrite(ref, target, temporary, stat.size(), options, commits));
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        if (delimiter != null && !delimiter.equals("/")) {
            throw FileErrors.invalid("files are listed flat or with the delimiter '/', not '" + delimiter + "'");
        }
        return new FileListing(keys, prefix, delimiter != null, pageSize);
    }

    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return async(() -> {
            commits.delete(keys.object(ref), precondition);
            return null;
        });
    }

    /** Within the file system: a copy to a temporary file (modification time kept), then the same commit as a write. */
    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions options) {
        if (!FileKeys.SCHEME.equals(source.scheme()) || !FileKeys.SCHEME.equals(destination.scheme())) {
            return Optional.empty();
        }
        return Optional.of(async(() -> copyNow(source, destination, options)));
    }

    private BlobInfo copyNow(BlobRef source, BlobRef destination, WriteOptions options) {
        Path from = keys.object(source);
        Path to = keys.object(destination);
        FileStat stat = FileStat.orNull(from);
        if (stat == null || stat.kind() == FileStat.Kind.DIRECTORY) {
            throw FileErrors.notFound(source + " does not exist");
        }
        regular(source, stat);
        Path temporary = FileKeys.temporary(to);
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, temporary, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            // again, to the nanosecond: the JDK's copy of the attributes keeps microseconds only
            Files.setLastModifiedTime(temporary,
                    options.modified() != null ? FileTime.from(options.modified()) : stat.modified());
        } catch (IOException e) {
            FileCommits.discard(temporary);
            throw FileErrors.of("cannot copy " + source + " to " + destination, e);
        }
        return commits.commit(temporary, to, destination, options.precondition());
    }

    /** Refuses what is not a regular file: symbolic links are not followed, special files are not objects. */
    private static FileStat regular(BlobRef ref, FileStat stat) {
        return switch (stat.kind()) {
            case FILE -> stat;
            case SYMLINK -> throw FileErrors.invalid(ref + " is a symbolic link; symlinks are not followed");
            default -> throw FileErrors.invalid(ref + " is a " + stat.kind() + ", not a regular file");
        };
    }

    /** Runs blocking file work on this store's threads; every failure completes the future, none is thrown. */
    private <T> CompletableFuture<T> async(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
