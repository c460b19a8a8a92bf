package io.archivesync.storage.azure;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Bridges the async client's {@link Mono}s to futures that never throw: every failure completes them, classified. */
final class AsyncCalls {

    private AsyncCalls() {
    }

    /**
     * Subscribes to the call; its value, or null when it completes empty, completes the future.
     *
     * @param doing what the call does, for the failure's message ({@code "head az://a/c/k"})
     */
    static <T> CompletableFuture<T> future(Supplier<Mono<T>> call, String doing) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            call.get().subscribe(result::complete,
                    e -> result.completeExceptionally(AzureErrors.classify(e, doing)),
                    () -> result.complete(null));
        } catch (RuntimeException e) {
            result.completeExceptionally(AzureErrors.classify(e, doing));
        }
        return result;
    }
}
