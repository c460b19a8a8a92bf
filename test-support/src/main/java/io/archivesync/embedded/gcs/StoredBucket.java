package io.archivesync.embedded.gcs;

import java.time.Instant;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A bucket and its live objects, sorted by name as GCS lists them.
 *
 * <p>Why a sorted concurrent map: listings read it without locks and page through it by name; writers lock the
 * bucket only to make check-then-write atomic (see {@link GcsStore}).
 *
 * @param name    bucket name
 * @param created creation time
 * @param objects live objects by name
 */
record StoredBucket(String name, Instant created, ConcurrentNavigableMap<String, StoredObject> objects) {

    static StoredBucket create(String name, Instant created) {
        return new StoredBucket(name, created, new ConcurrentSkipListMap<>());
    }
}
