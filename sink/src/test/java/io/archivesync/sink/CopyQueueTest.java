package io.archivesync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.SourceLocation;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.CopyTask;
import io.archivesync.sink.copy.Results;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CopyQueueTest {

    @Test
    void shouldNotCountTimeQueuedForAPermitAgainstTheCopyTimeout() {
        // Given one permit, a 1 s copy timeout, and copies that each work 200 ms
        Copier slow = task -> CompletableFuture.supplyAsync(() -> copied(task),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        CopyQueue queue = new CopyQueue(slow, Duration.ofSeconds(1), 1);

        // When eight are submitted at once (the last one ends 1.6 s after it was submitted)
        List<CompletableFuture<CopyResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(queue.submit(CopyTask.of(request(i), "b")));
        }
        awaitAll(results, queue);

        // Then none timed out: only working time counts
        assertThat(results).allSatisfy(f -> assertThat(f.join().getOutcome()).isEqualTo(CopyOutcome.COPIED));
    }

    @Test
    void shouldTimeOutACopyThatWorksTooLongAndStopIt() {
        // Given a copy that never ends, and registers what would stop it
        AtomicBoolean stopped = new AtomicBoolean();
        Copier hung = task -> {
            task.clock().onExpiry(() -> stopped.set(true));
            return new CompletableFuture<>();
        };
        CopyQueue queue = new CopyQueue(hung, Duration.ofMillis(200), 4);

        // When it has worked past the timeout
        CompletableFuture<CopyResult> result = queue.submit(CopyTask.of(request(1), "b"));
        awaitAll(List.of(result), queue);

        // Then it ends as a Timeout result and its clock stopped it
        assertThat(result.join().getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(result.join().getErrorClass()).isEqualTo("Timeout");
        assertThat(stopped).isTrue();
    }

    @Test
    void shouldTurnAThrowingCopierIntoAFailedResultNamingTheException() {
        Copier broken = task -> {
            throw new NullPointerException("\"expected\" is null");
        };
        CopyQueue queue = new CopyQueue(broken, Duration.ofSeconds(5), 2);

        CopyResult result = queue.submit(CopyTask.of(request(1), "b")).join();

        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
        assertThat(result.getErrorClass()).isEqualTo(NullPointerException.class.getName());
    }

    private static void awaitAll(List<CompletableFuture<CopyResult>> results, CopyQueue queue) {
        CompletableFuture<Void> all = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!all.isDone() && System.nanoTime() < deadline) {
            queue.expireOverdue();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static CopyResult copied(CopyTask task) {
        return Results.base(task.request(), task.batchId(), System.nanoTime()).setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE).setMethodReason("test").build();
    }

    private static FileSyncRequest request(int i) {
        return FileSyncRequest.newBuilder().setRequestId("r" + i)
                .setSource(SourceLocation.newBuilder().setUri("s3://src/" + i + ".zip").build())
                .setDestination(Destination.newBuilder().setBucket("dst").setKey(i + ".zip").build())
                .setRequestedAt(Instant.now()).setAttributes(Map.of()).build();
    }
}
