package io.archivesync.storage.file;

import io.archivesync.storage.BlobRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keys and paths, one for one: a key is a path under the store's root (the file system's root unless the store was
 * given another) without its leading slash, so that what a listing returns is what was written. Keys with empty,
 * {@code .} or {@code ..} segments are refused rather than normalised, since they
 * would come back from a listing under another name. Temporary names of writes in progress live here too, so that the
 * writer and the lister agree on them.
 */
final class FileKeys {

    static final String SCHEME = "file";

    private static final String TEMP_MARK = ".archive-sync-";
    private static final Pattern TEMP = Pattern.compile("^\\..*\\.archive-sync-[0-9a-f-]{36}\\.tmp$");
    /** Room left in a 255-byte file name for the dot, the mark, the UUID and the suffix. */
    private static final int MAX_NAME_IN_TEMP = 255 - 1 - TEMP_MARK.length() - 36 - 4;

    private final Path root;

    /** @param root the directory that {@code file:///} stands for: {@code /}, or a directory the store is kept in */
    FileKeys(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The path of an object: a key that names a file, not a prefix. */
    Path object(BlobRef ref) {
        Path path = path(ref);
        if (ref.key().isEmpty() || ref.key().endsWith("/")) {
            throw FileErrors.invalid(ref + " names a directory, not a file");
        }
        return path;
    }

    /** The path of a key, which may be a prefix (ending in {@code /}) or empty (the root). */
    Path path(BlobRef ref) {
        if (!SCHEME.equals(ref.scheme()) || !ref.container().isEmpty()) {
            throw FileErrors.invalid(ref + " is not a file:///absolute/path location");
        }
        String key = ref.key();
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        if (!trimmed.isEmpty()) {
            for (String segment : trimmed.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw FileErrors.invalid(ref + " has an empty, '.' or '..' segment; keys are absolute paths as "
                            + "they are, not normalised");
                }
            }
        }
        try {
            return root.resolve(key);
        } catch (InvalidPathException e) {
            throw FileErrors.invalid(ref + " is not a valid path: " + e.getMessage());
        }
    }

    /** The key of a path under the root: the path from the root, without a leading slash. */
    BlobRef ref(Path path) {
        return new BlobRef(SCHEME, "", root.relativize(path).toString());
    }

    /** A new temporary name next to {@code target}: hidden, marked as ours, unique. */
    static Path temporary(Path target) {
        String name = target.getFileName().toString();
        return target.resolveSibling("." + fit(name) + TEMP_MARK + UUID.randomUUID() + ".tmp");
    }

    /** Whether {@code candidate} is one of the temporary names {@link #temporary} gives {@code target}. */
    static boolean isTemporaryOf(Path target, Path candidate) {
        Path name = candidate.getFileName();
        return name != null && target.getParent() != null && target.getParent().equals(candidate.getParent())
                && name.toString().startsWith("." + fit(target.getFileName().toString()) + TEMP_MARK)
                && isTemporary(name.toString());
    }

    /** Whether a file name is one of our writes in progress (or left by a crash). */
    static boolean isTemporary(String name) {
        return name.contains(TEMP_MARK) && TEMP.matcher(name).matches();
    }

    /** The start of a name that leaves room for the rest of a temporary name within 255 bytes (UTF-8). */
    private static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_IN_TEMP) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_NAME_IN_TEMP) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return kept.toString();
    }
}
