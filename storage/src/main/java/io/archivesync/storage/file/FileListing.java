package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listing of the files under a key prefix, page by page, in key order, walked lazily: one directory per level of
 * depth is held (its entries sorted, a directory sorting as its name and a slash, so that the order is that of the
 * keys), so memory grows with the largest directory on the current path, not with the tree.
 *
 * <p>Only regular files are objects. Symbolic links and special files are skipped and counted ({@link #skipped}),
 * each logged at WARN as it is passed over, so the user is told; temporary files of writes in progress or left by a
 * crash are skipped too, counted apart ({@link #temporary}). A directory that vanishes during the walk is passed over;
 * one that cannot
 * be read fails the listing (ACCESS), since a mirror must not take unreadable objects for deleted ones.
 */
public final class FileListing implements Iterator<BlobPage> {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileListing.class);

    private final FileKeys keys;
    private final BlobRef prefix;
    private final boolean delimited;
    private final int pageSize;
    private final Deque<Iterator<Entry>> levels = new ArrayDeque<>();
    private BlobPage next;
    private boolean started;
    private boolean done;
    private long skipped;
    private long temporary;

    FileListing(FileKeys keys, BlobRef prefix, boolean delimited, int pageSize) {
        this.keys = keys;
        this.prefix = prefix;
        this.delimited = delimited;
        this.pageSize = pageSize;
        keys.path(prefix); // refuses what is not a file location
        String key = prefix.key();
        int slash = key.lastIndexOf('/');
        Path directory = slash < 0 ? keys.root() : keys.root().resolve(key.substring(0, slash));
        String namePrefix = key.substring(slash + 1);
        open(directory, namePrefix, true);
    }

    /** Symbolic links and special files passed over so far (all of them, once the listing has ended). */
    public long skipped() {
        return skipped;
    }

    /** Temporary files of writes in progress (or left by a crash) passed over so far. */
    public long temporary() {
        return temporary;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = fill();
        }
        return next != null;
    }

    @Override
    public BlobPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing of " + prefix + " has ended");
        }
        BlobPage page = next;
        next = null;
        return page;
    }

    /** The next page; the first may be empty, a later one never is. @return null at the end */
    private BlobPage fill() {
        List<BlobInfo> objects = new ArrayList<>();
        List<BlobRef> prefixes = new ArrayList<>();
        while (objects.size() + prefixes.size() < pageSize && !levels.isEmpty()) {
            Iterator<Entry> level = levels.peek();
            if (!level.hasNext()) {
                levels.pop();
                continue;
            }
            Entry entry = level.next();
            switch (entry.stat().kind()) {
                case FILE -> {
                    if (FileKeys.isTemporary(entry.name())) {
                        temporary++;
                    } else {
                        objects.add(entry.stat().info(keys.ref(entry.path())));
                    }
                }
                case DIRECTORY -> {
                    if (delimited) {
                        BlobRef directory = keys.ref(entry.path());
                        prefixes.add(directory.withKey(directory.key() + "/"));
                    } else {
                        open(entry.path(), "", false);
                    }
                }
                default -> {
                    skipped++;
                    LOGGER.warn("skipped {}: a {}, not a regular file (symbolic links and special files are not "
                            + "copied)", entry.path(),
                            entry.stat().kind() == FileStat.Kind.SYMLINK ? "symbolic link" : "special file");
                }
            }
        }
        if (levels.isEmpty()) {
            done = true;
            LOGGER.debug("listed prefix={} skipped={} (symbolic links and special files) temporary={}", prefix,
                    skipped, temporary);
        }
        boolean first = !started;
        started = true;
        return objects.isEmpty() && prefixes.isEmpty() && !first ? null : new BlobPage(objects, prefixes);
    }

    private void open(Path directory, String namePrefix, boolean top) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                if (!name.startsWith(namePrefix)) {
                    continue;
                }
                FileStat stat = FileStat.orNull(path);
                if (stat != null) {
                    entries.add(new Entry(name, path, stat));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            if (top) {
                LOGGER.debug("prefix={} has no directory {}: nothing to list", prefix, directory);
            }
            return; // nothing there, or it vanished during the walk
        } catch (IOException e) {
            throw FileErrors.of("cannot list " + directory + " (under " + prefix + ")", e);
        }
        entries.sort(Comparator.comparing(Entry::sortKey));
        levels.push(entries.iterator());
    }

    /** One directory entry, looked at once (links not followed). */
    private record Entry(String name, Path path, FileStat stat) {

        /** A directory sorts as its name and a slash, which is how its keys start. */
        String sortKey() {
            return stat.kind() == FileStat.Kind.DIRECTORY ? name + "/" : name;
        }
    }
}
