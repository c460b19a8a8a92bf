package io.archivesync.embedded.gcs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixture's buckets and objects, in memory, safe for concurrent requests.
 *
 * <p>Every change goes through here. A write checks its preconditions and replaces the object while holding the
 * bucket's lock, so two conditional writes of one name cannot both succeed. Generations come from one counter for
 * the whole store, so a name deleted and written again never gets an old generation back (GCS uses the write time
 * in microseconds for the same reason). Only the live generation is kept: there is no object versioning.
 */
final class GcsStore {

    private final ConcurrentMap<String, StoredBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong generations;

    GcsStore(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        this.generations = new AtomicLong(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
    }

    StoredBucket createBucket(String name) {
        if (name == null || name.isBlank()) {
            throw GcsError.BAD_REQUEST.exception("A bucket needs a name");
        }
        StoredBucket bucket = StoredBucket.create(name, clock.instant());
        if (buckets.putIfAbsent(name, bucket) != null) {
            throw GcsError.CONFLICT.exception("Bucket " + name + " already exists");
        }
        return bucket;
    }

    StoredBucket bucket(String name) {
        StoredBucket bucket = buckets.get(name);
        if (bucket == null) {
            throw GcsError.NOT_FOUND.exception("No such bucket: " + name);
        }
        return bucket;
    }

    List<StoredBucket> buckets() {
        return buckets.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    void deleteBucket(String name) {
        StoredBucket bucket = bucket(name);
        synchronized (bucket) {
            if (!bucket.objects().isEmpty()) {
                throw GcsError.CONFLICT.exception("Bucket " + name + " is not empty");
            }
            buckets.remove(name, bucket);
        }
    }

    /**
     * The live object, if it satisfies the preconditions.
     *
     * @param generation if not null, the generation asked for; only the live one exists
     */
    StoredObject get(String bucketName, String name, Long generation, Preconditions preconditions) {
        StoredObject object = bucket(bucketName).objects().get(name);
        if (object == null || generation != null && generation != object.generation()) {
            throw notFound(bucketName, name, generation);
        }
        preconditions.check(object, bucketName + "/" + name);
        return object;
    }

    /**
     * Writes a new generation of the object, if the preconditions hold against the live one.
     *
     * @param content   the bytes, kept as they are (not copied): the caller lets go of them and never changes them
     * @param checksums their checksums, computed by the caller (who had to check them) or taken from the source
     */
    StoredObject put(String bucketName, String name, byte[] content, Checksums checksums,
                     StoredObject.ObjectAttributes attributes, Preconditions preconditions) {
        if (name == null || name.isEmpty()) {
            throw GcsError.BAD_REQUEST.exception("An object needs a name");
        }
        StoredBucket bucket = bucket(bucketName);
        synchronized (bucket) {
            preconditions.check(bucket.objects().get(name), bucketName + "/" + name);
            StoredObject object = new StoredObject(bucketName, name, generations.incrementAndGet(), 1,
                    content, attributes, checksums, clock.instant());
            bucket.objects().put(name, object);
            return object;
        }
    }

    void delete(String bucketName, String name, Long generation, Preconditions preconditions) {
        StoredBucket bucket = bucket(bucketName);
        synchronized (bucket) {
            StoredObject object = bucket.objects().get(name);
            if (object == null || generation != null && generation != object.generation()) {
                throw notFound(bucketName, name, generation);
            }
            preconditions.check(object, bucketName + "/" + name);
            bucket.objects().remove(name);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private static GcsException notFound(String bucketName, String name, Long generation) {
        return GcsError.NOT_FOUND.exception("No such object: " + bucketName + "/" + name
                + (generation == null ? "" : "#" + generation));
    }
}
