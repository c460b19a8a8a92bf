package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * For tests and drills, never configured by settings: makes a strategy fail the way storage fails (503 SlowDown, a
 * reset connection, AccessDenied) for the first n attempts at chosen requests, or hang until released, and otherwise
 * passes through. A failure it injects counts as the one storage request that would have drawn it.
 */
public final class FaultInjectingCopier implements Copier {

    /** A storage failure as the strategies classify it. */
    public record Fault(CopyOutcome outcome, ErrorKind kind, String errorClass, String message) {
        public static final Fault SLOW_DOWN = new Fault(CopyOutcome.FAILED_OTHER, ErrorKind.THROTTLED, "SlowDown",
                "Please reduce your request rate. (SlowDown, HTTP 503)");
        public static final Fault CONNECTION_RESET = new Fault(CopyOutcome.FAILED_OTHER, ErrorKind.TRANSIENT,
                "ConnectionError", "java.io.IOException: Connection reset by peer");
        public static final Fault ACCESS_DENIED = new Fault(CopyOutcome.FAILED_ACCESS, ErrorKind.ACCESS,
                "AccessDenied", "access denied (AccessDenied, HTTP 403)");
    }

    private final Copier inner;
    private final Predicate<FileSyncRequest> which;
    private final Fault fault;
    private final int times;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Runnable> hung = new CopyOnWriteArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();

    private FaultInjectingCopier(Copier inner, Predicate<FileSyncRequest> which, Fault fault, int times) {
        this.inner = inner;
        this.which = which;
        this.fault = fault;
        this.times = times;
    }

    /** The first {@code times} attempts at each matching request fail with the fault. */
    public static FaultInjectingCopier failing(Copier inner, Predicate<FileSyncRequest> which, Fault fault,
                                               int times) {
        return new FaultInjectingCopier(inner, which, fault, times);
    }

    /** Matching requests hang until {@link #releaseHung()}. */
    public static FaultInjectingCopier hanging(Copier inner, Predicate<FileSyncRequest> which) {
        return new FaultInjectingCopier(inner, which, null, Integer.MAX_VALUE);
    }

    @Override
    public CompletableFuture<CopyResult> copy(CopyTask task) {
        long started = System.nanoTime();
        FileSyncRequest request = task.request();
        if (!which.test(request)
                || attempts.computeIfAbsent(request.getRequestId(), k -> new AtomicInteger()).incrementAndGet()
                > times) {
            return inner.copy(task);
        }
        injected.incrementAndGet();
        if (fault == null) {
            CompletableFuture<CopyResult> later = new CompletableFuture<>();
            hung.add(() -> inner.copy(task).whenComplete((r, e) -> later.complete(r)));
            return later;
        }
        return CompletableFuture.completedFuture(Results.failed(request, task.batchId(), started, fault.outcome(),
                fault.kind(), fault.errorClass(), "copy of " + request.getSource().getUri() + ": " + fault.message(),
                1));
    }

    /** Lets every hung copy go on to the real strategy. */
    public void releaseHung() {
        hung.forEach(Runnable::run);
        hung.clear();
    }

    /** How many faults (failures or hangs) were injected. */
    public int injected() {
        return injected.get();
    }
}
