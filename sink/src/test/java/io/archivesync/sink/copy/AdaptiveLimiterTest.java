package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdaptiveLimiterTest {

    @Test
    void shouldHalveOnThrottlingAndGrowBackByOne() {
        // Given a limit of 8, all in use
        AdaptiveLimiter limiter = new AdaptiveLimiter(8);
        for (int i = 0; i < 8; i++) {
            assertThat(limiter.acquire()).isCompleted();
        }
        CompletableFuture<Void> waiting = limiter.acquire();
        assertThat(waiting).isNotCompleted();

        // When one attempt is throttled
        limiter.release(true);

        // Then the limit halves and the waiter keeps waiting (7 still in flight > 4)
        assertThat(limiter.limit()).isEqualTo(4);
        assertThat(waiting).isNotCompleted();

        // When the rest succeed
        for (int i = 0; i < 7; i++) {
            limiter.release(false);
        }

        // Then the waiter got its turn and the limit started to recover
        assertThat(waiting).isCompleted();
        assertThat(limiter.limit()).isEqualTo(5);
    }
}
