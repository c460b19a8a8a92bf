package io.archivesync.sink;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.Copiers;
import io.archivesync.sink.copy.CopyTask;
import io.archivesync.sink.copy.Results;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The copies in flight of one copier: at most {@code sink.concurrency} at once, the rest queued without blocking
 * the consumer thread (which must keep polling to stay in its group). Each copy is held to {@code sink.copyTimeout}
 * on its own working clock: a copy that passes it ends with a Timeout result and its permit goes to the next, so a
 * hung object cannot starve the rest; its clock expires, which stops what can be stopped (a streamed source).
 */
final class CopyQueue {

    private record Entry(CopyTask task, long startedNanos, CompletableFuture<CopyResult> result) {
    }

    private final Copier copier;
    private final Duration copyTimeout;
    private final int concurrency;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger drains = new AtomicInteger();
    private final Queue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private final Set<Entry> started = ConcurrentHashMap.newKeySet();

    CopyQueue(Copier copier, Duration copyTimeout, int concurrency) {
        this.copier = copier;
        this.copyTimeout = copyTimeout;
        this.concurrency = concurrency;
    }

    /** Queues a copy; the future always completes with a result, never exceptionally. */
    CompletableFuture<CopyResult> submit(CopyTask task) {
        Entry entry = new Entry(task, System.nanoTime(), new CompletableFuture<>());
        task.clock().waitBegin();
        waiting.add(entry);
        startWhatFits();
        return entry.result();
    }

    /** Copies started and not finished. */
    int inFlight() {
        return running.get();
    }

    /** Copies waiting for a permit. */
    int queued() {
        return waiting.size();
    }

    /** Ends every started copy that has worked longer than {@code sink.copyTimeout}. */
    void expireOverdue() {
        for (Entry entry : started) {
            if (entry.task().clock().active().compareTo(copyTimeout) > 0) {
                finish(entry, Results.failed(entry.task().request(), entry.task().batchId(), entry.startedNanos(),
                        CopyOutcome.FAILED_OTHER, ErrorKind.TRANSIENT, "Timeout",
                        "the copy did not finish within sink.copyTimeout=" + copyTimeout, 0));
                entry.task().clock().expire();
            }
        }
    }

    /**
     * Starts queued copies while permits last. One thread drains at a time; a copy that completes at once (a refused
     * request) asks for another round instead of recursing, so a long queue of such copies cannot overflow the stack.
     */
    private void startWhatFits() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Entry next;
            while (running.get() < concurrency && (next = waiting.poll()) != null) {
                running.incrementAndGet();
                Entry entry = next;
                entry.task().clock().waitEnd();
                started.add(entry);
                Copiers.guarded(copier, entry.task()).thenAccept(r -> finish(entry, r));
            }
            missed = drains.addAndGet(-missed);
        } while (missed != 0);
    }

    private void finish(Entry entry, CopyResult result) {
        if (started.remove(entry)) {
            entry.result().complete(result);
            running.decrementAndGet();
            startWhatFits();
        }
    }
}
