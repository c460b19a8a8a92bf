package io.archivesync.sync.plan;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.StorageException;
import io.archivesync.sync.Side;
import io.archivesync.sync.SyncEndpoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * One side's objects, page by page as the store lists them (fetched ahead, a bounded number of pages: {@link
 * PagePrefetch}), as paths under its root, filtered,
 * checked to come in {@link PathOrder}. A listing that fails, or comes out of order, throws {@link ListingFailed}: the
 * plan stops, and nothing is taken for deleted.
 */
final class SideListing implements Iterator<SideListing.Listed>, AutoCloseable {

    /** An object and its path. */
    record Listed(String path, BlobInfo info) {
    }

    private final Side side;
    private final SyncEndpoint endpoint;
    private final Predicate<String> filter;
    private final PagePrefetch pages;
    private final Deque<BlobInfo> page = new ArrayDeque<>();
    private Listed next;
    private String last;
    private long count;
    private long requests;

    SideListing(Side side, SyncEndpoint endpoint, Predicate<String> filter) {
        this.side = side;
        this.endpoint = endpoint;
        this.filter = filter;
        try {
            this.pages = new PagePrefetch(side.name(), endpoint.store().list(endpoint.root(), null));
        } catch (RuntimeException e) {
            throw new ListingFailed(side, endpoint, e);
        }
    }

    @Override
    public void close() {
        pages.close();
    }

    long count() {
        return count;
    }

    /** Listing pages fetched. */
    long requests() {
        return requests;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            try {
                while (page.isEmpty()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    page.addAll(pages.next().objects());
                    requests++;
                }
            } catch (StorageException | IllegalStateException | java.io.UncheckedIOException e) {
                throw new ListingFailed(side, endpoint, e);
            }
            BlobInfo info = page.poll();
            String path = endpoint.path(info.ref());
            if (path.isEmpty() || path.endsWith("/") || !filter.test(path)) {
                continue;
            }
            if (last != null && PathOrder.compare(last, path) >= 0) {
                throw new ListingFailed(side, endpoint, new IllegalStateException("the listing came out of order ('"
                        + last + "' before '" + path + "')"));
            }
            last = path;
            count++;
            next = new Listed(path, info);
        }
        return true;
    }

    @Override
    public Listed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Listed n = next;
        next = null;
        return n;
    }

    /** Peeks without taking. */
    Listed peek() {
        return hasNext() ? next : null;
    }
}
