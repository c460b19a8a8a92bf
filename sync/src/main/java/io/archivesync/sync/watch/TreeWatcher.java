package io.archivesync.sync.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a local directory tree and tells a {@link Wakeup} of any change in it. A {@link WatchService} watches one
 * directory, not a tree, so every directory is registered, and each new one as it appears (its files that were
 * written before it was registered are no loss: its creation alone wakes a run, which lists everything). An
 * overflow (the kernel dropped events) also wakes a run. The watcher only says "something changed"; what changed is
 * always found by listing, so a missed or spurious event costs at most one run or one interval, never a write.
 */
public final class TreeWatcher implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TreeWatcher.class);

    private final Path root;
    private final Wakeup wakeup;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    private final Thread thread;

    private TreeWatcher(Path root, Wakeup wakeup, WatchService service) {
        this.root = root;
        this.wakeup = wakeup;
        this.service = service;
        this.thread = new Thread(this::watch, "archive-sync-watch-" + root.getFileName());
        this.thread.setDaemon(true);
    }

    /** Registers every directory under {@code root} and starts watching on a thread of its own. */
    public static TreeWatcher start(Path root, Wakeup wakeup) throws IOException {
        TreeWatcher watcher = new TreeWatcher(root, wakeup, FileSystems.getDefault().newWatchService());
        try {
            watcher.registerTree(root);
        } catch (IOException | RuntimeException e) {
            watcher.service.close();
            throw e;
        }
        watcher.thread.start();
        LOGGER.info("watching root={} directories={}", root, watcher.directories.size());
        return watcher;
    }

    /** Directories registered so far. */
    public int directories() {
        return directories.size();
    }

    private void registerTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                directories.put(key, dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;   // gone meanwhile: the next run lists what is there
            }
        });
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = directories.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && dir != null
                            && event.context() instanceof Path name) {
                        Path child = dir.resolve(name);
                        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                            registerQuietly(child);
                        }
                    }
                }
                wakeup.changed();
                if (!key.reset()) {
                    directories.remove(key);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            LOGGER.debug("watch closed root={}", root);
        }
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException | ClosedWatchServiceException e) {
            LOGGER.debug("new directory not watched dir={} reason={}", dir, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOGGER.warn("closing the watch failed root={} reason={}", root, e.toString());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
