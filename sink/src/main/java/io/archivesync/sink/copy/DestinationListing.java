package io.archivesync.sink.copy;

import io.archivesync.core.s3.ETags;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * What the destination holds, learned by listing a key's "directory" once (ListObjectsV2, 1,000 keys a request)
 * instead of one HEAD per object: archive keys come in large families under one prefix (a symbol's daily files), so
 * one listing serves a whole batch. Kept for {@code sink.listingTtl}; a stale entry can only cause a needless copy
 * (the key was absent or older when listed), or within the TTL a skip of an object deleted meanwhile.
 */
final class DestinationListing {

    /** What a listing says about one key: absent, or present with its size and ETag. */
    record Lookup(boolean present, long size, String etag, int requestsIssued) {
    }

    private record Listed(long size, String etag) {
    }

    private record Entry(long loadedNanos, CompletableFuture<Map<String, Listed>> keys, AtomicInteger pages,
                         AtomicBoolean charged) {
    }

    private final S3AsyncClient s3;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile long lastEviction = System.nanoTime();

    DestinationListing(S3AsyncClient s3, Duration ttl) {
        this.s3 = s3;
        this.ttlNanos = ttl.toNanos();
    }

    CompletableFuture<Lookup> lookup(String bucket, String key) {
        String prefix = key.substring(0, key.lastIndexOf('/') + 1);
        long now = System.nanoTime();
        if (now - lastEviction > ttlNanos) {
            // expired listings go, so a long run does not keep every prefix it ever saw
            lastEviction = now;
            cache.values().removeIf(e -> now - e.loadedNanos() >= ttlNanos && e.keys().isDone());
        }
        Entry entry = cache.compute(bucket + "\n" + prefix, (k, old) ->
                old != null && now - old.loadedNanos() < ttlNanos && !old.keys().isCompletedExceptionally()
                        ? old : list(bucket, prefix, now));
        return entry.keys().thenApply(keys -> {
            // the request that caused the listing carries its cost; the others ride along for free
            int requests = entry.charged().compareAndSet(false, true) ? entry.pages().get() : 0;
            Listed listed = keys.get(key);
            return listed == null ? new Lookup(false, 0, null, requests)
                    : new Lookup(true, listed.size(), listed.etag(), requests);
        });
    }

    /**
     * Keeps a cached listing true to what this copier did: a copied object is now current at the source's version
     * (its size and ETag), a failed one may be gone.
     */
    void update(String bucket, String key, boolean copied, long size, String sourceEtag) {
        Entry entry = cache.get(bucket + "\n" + key.substring(0, key.lastIndexOf('/') + 1));
        if (entry == null || !entry.keys().isDone() || entry.keys().isCompletedExceptionally()) {
            return;
        }
        Map<String, Listed> keys = entry.keys().join();
        if (copied && sourceEtag != null) {
            keys.put(key, new Listed(size, sourceEtag));
        } else {
            keys.remove(key);
        }
    }

    private Entry list(String bucket, String prefix, long now) {
        Map<String, Listed> keys = new ConcurrentHashMap<>();
        AtomicInteger pages = new AtomicInteger();
        CompletableFuture<Map<String, Listed>> done = s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                        .prefix(prefix).delimiter("/"))
                .subscribe(page -> {
                    pages.incrementAndGet();
                    page.contents().forEach(o -> keys.put(o.key(),
                            new Listed(o.size(), ETags.unquote(o.eTag()))));
                })
                .thenApply(v -> keys);
        return new Entry(now, done, pages, new AtomicBoolean());
    }
}
