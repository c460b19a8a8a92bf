package io.archivesync.sync.plan;

import io.archivesync.storage.BlobPage;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listing fetched ahead on a thread of its own, at most {@link #AHEAD} pages ahead (memory stays bounded), so that
 * both sides are listed at once and while the base loads. A failure is handed over in order, where the page would
 * have been.
 */
final class PagePrefetch implements Iterator<BlobPage>, AutoCloseable {

    /** Pages held ahead: about 16,000 objects, a few MiB. */
    static final int AHEAD = 16;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private Object next;

    PagePrefetch(String name, Iterator<BlobPage> pages) {
        thread = new Thread(() -> fetch(pages), "archive-sync-list-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void fetch(Iterator<BlobPage> pages) {
        try {
            while (pages.hasNext()) {
                if (!put(pages.next())) {
                    return;
                }
            }
            put(END);
        } catch (RuntimeException e) {
            put(e);
        }
    }

    private boolean put(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing", e);
            }
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return next != END;
    }

    @Override
    public BlobPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BlobPage page = (BlobPage) next;
        next = null;
        return page;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
