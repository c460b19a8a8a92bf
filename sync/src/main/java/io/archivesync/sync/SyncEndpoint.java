package io.archivesync.sync;

import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import java.util.Objects;

/**
 * One side of a pair: a store and the prefix under it, paths being keys relative to that prefix.
 *
 * @param store    where the objects are
 * @param root     the prefix (a folder-like key ending in {@code /}, or empty for the whole container)
 * @param location the location as the user wrote it, for messages and the pair's id
 */
public record SyncEndpoint(BlobStore store, BlobRef root, String location) {

    public SyncEndpoint {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(location, "location");
        if (!root.key().isEmpty() && !root.key().endsWith("/")) {
            root = root.withKey(root.key() + "/");
        }
    }

    /** The object of a path on this side. */
    public BlobRef ref(String path) {
        return root.withKey(root.key() + path);
    }

    /** The path of an object listed under the root. */
    public String path(BlobRef ref) {
        return ref.key().substring(root.key().length());
    }
}
