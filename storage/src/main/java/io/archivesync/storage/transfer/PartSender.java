package io.archivesync.storage.transfer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one transfer's parts on another thread, one at a time and in order, so that the next part is read and hashed
 * while this one is on the wire: the transfer holds two part buffers instead of one, and a part's time is the slower
 * of its read and its send, not their sum. A failed send surfaces, as it was thrown, on the transfer's thread at its
 * next {@link #send} or {@link #await}.
 */
final class PartSender {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "archive-sync-part-sender-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Future<?> pending;

    /** Waits for the part before, then sends this one on the sender thread. */
    void send(Runnable part) {
        await();
        pending = SENDERS.submit(part);
    }

    /** Waits until the part in flight, if any, is sent; rethrows its failure. */
    void await() {
        if (pending == null) {
            return;
        }
        Future<?> waiting = pending;
        pending = null;
        try {
            waiting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.cancel(true);
            throw new IllegalStateException("interrupted while a part was being sent", e);
        }
    }

    /** Waits for the part in flight and forgets how it ended: the transfer has failed already. */
    void drain() {
        try {
            await();
        } catch (RuntimeException | Error ignored) {
            // the transfer's own failure is the one reported
        }
    }
}
