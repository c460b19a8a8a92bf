package io.archivesync.sink.copy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs n async tasks with at most k in flight, without blocking a thread: each finished task starts the next. The
 * first failure fails the whole and no further task starts.
 */
final class Parallel {

    private Parallel() {
    }

    static <T> CompletableFuture<List<T>> run(int n, int parallelism, IntFunction<CompletableFuture<T>> task) {
        List<T> results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, null)));
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        AtomicInteger finished = new AtomicInteger();
        if (n == 0) {
            done.complete(List.of());
            return done;
        }
        Runnable[] worker = new Runnable[1];
        worker[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n || done.isDone()) {
                return;
            }
            CompletableFuture<T> f;
            try {
                f = task.apply(i);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            f.whenComplete((value, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                results.set(i, value);
                if (finished.incrementAndGet() == n) {
                    done.complete(new ArrayList<>(results));
                } else {
                    worker[0].run();
                }
            });
        };
        for (int w = 0; w < Math.min(parallelism, n); w++) {
            worker[0].run();
        }
        return done;
    }
}
