package io.archivesync.storage;

/**
 * How to read.
 *
 * @param offset    the first byte
 * @param length    how many bytes, or -1 to the end
 * @param ifVersion the object must still have this version, or null
 */
public record ReadOptions(long offset, long length, String ifVersion) {

    public static final ReadOptions WHOLE = new ReadOptions(0, -1, null);

    public ReadOptions {
        if (offset < 0 || length < -1) {
            throw new IllegalArgumentException("a range starts at 0 or later and has a length of 0 or more (or -1)");
        }
    }

    public static ReadOptions range(long offset, long length) {
        return new ReadOptions(offset, length, null);
    }

    public static ReadOptions ifVersion(String version) {
        return new ReadOptions(0, -1, version);
    }
}
