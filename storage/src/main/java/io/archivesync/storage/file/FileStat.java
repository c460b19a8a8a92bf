package io.archivesync.storage.file;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.Checksums;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code lstat} of a path (links not followed): what kind of entry it is and, for a regular file, its version.
 *
 * @param kind     regular file, directory, symbolic link or other (FIFO, socket, device)
 * @param size     the length in bytes
 * @param modified the modification time
 * @param inode    the inode number, or -1 where the file system has none
 */
record FileStat(Kind kind, long size, FileTime modified, long inode) {

    /** What an entry is; only {@link #FILE} is an object. */
    enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** @throws java.nio.file.NoSuchFileException when nothing is there */
    static FileStat of(Path path) throws IOException {
        if (!UNIX) {
            return of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), -1);
        }
        // one lstat, so that the inode and the times belong to the same file
        Map<String, Object> a = Files.readAttributes(path, "unix:size,lastModifiedTime,ino,isRegularFile,isDirectory,"
                + "isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
        Kind kind = Boolean.TRUE.equals(a.get("isRegularFile")) ? Kind.FILE
                : Boolean.TRUE.equals(a.get("isDirectory")) ? Kind.DIRECTORY
                : Boolean.TRUE.equals(a.get("isSymbolicLink")) ? Kind.SYMLINK : Kind.OTHER;
        return new FileStat(kind, (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                a.get("ino") instanceof Long l ? l : -1);
    }

    /** The stat of a path, or null when nothing is there (nor can be: a parent is a file). */
    static FileStat orNull(Path path) {
        try {
            return of(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.isDirectory(path.getParent())) {
                return null;
            }
            throw FileErrors.of("cannot look at " + path, e);
        }
    }

    static FileStat of(BasicFileAttributes basic, long inode) {
        Kind kind = basic.isRegularFile() ? Kind.FILE : basic.isDirectory() ? Kind.DIRECTORY
                : basic.isSymbolicLink() ? Kind.SYMLINK : Kind.OTHER;
        return new FileStat(kind, basic.size(), basic.lastModifiedTime(), inode);
    }

    /**
     * Size, modification time in nanoseconds and inode: what changes when the file is replaced or written in place.
     * Every completed write renames a new inode into place, so a replacement with the same size and time differs too.
     */
    String version() {
        return size + "-" + modified.to(TimeUnit.NANOSECONDS) + (inode < 0 ? "" : "-" + inode);
    }

    BlobInfo info(BlobRef ref) {
        Instant lastModified = modified.toInstant();
        return new BlobInfo(ref, size, version(), Checksums.NONE, null, Map.of(), lastModified, null);
    }
}
