package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transient failures injected under the retries, where storage failures happen; the copies are real. */
@ExtendWith(StackExtension.class)
class RetryIT {

    @Test
    void shouldRetrySlowDownAndConnectionResetsAndCountEveryAttempt(Stack.S3Endpoint s3) {
        // Given server-side copies that get two 503 SlowDowns, and streamed ones that get a reset connection
        FaultInjectingCopier[] injected = new FaultInjectingCopier[2];
        try (Fixture f = new Fixture(s3, c -> {
            int i = c instanceof ServerSideCopier ? 0 : 1;
            injected[i] = FaultInjectingCopier.failing(c, r -> true, i == 0 ? FaultInjectingCopier.Fault.SLOW_DOWN
                    : FaultInjectingCopier.Fault.CONNECTION_RESET, i == 0 ? 2 : 1);
            return injected[i];
        }, "sink.verify.sha256=false")) {
            byte[] bytes = Fixture.zip(300, 30);
            f.put("r.zip", bytes);

            // When
            CopyResult serverSide = f.copy(Requests.copy(f.uri("r.zip"), f.mirror, "s.zip")
                    .setExpectedSize((long) bytes.length).build());
            CopyResult streamed = f.copy(Requests.copy(f.uri("r.zip"), f.mirror, "t.zip").setMode("TRADITIONAL")
                    .build());

            // Then both land, and the results count the failed attempts and their requests
            assertThat(serverSide.getOutcome()).as(serverSide.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(serverSide.getAttempts()).isEqualTo(3);
            assertThat(serverSide.getStorageRequests()).isEqualTo(2 + 1);
            assertThat(streamed.getOutcome()).as(streamed.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(streamed.getAttempts()).isEqualTo(2);
            assertThat(f.read(f.mirror, "s.zip")).isEqualTo(bytes);
            assertThat(f.read(f.mirror, "t.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldNotRetryAMissingSourceAndGiveUpOnEndlessThrottling(Stack.S3Endpoint s3) {
        // Given a missing source, and a copy that is throttled forever
        try (Fixture f = new Fixture(s3, c -> FaultInjectingCopier.failing(c,
                r -> r.getDestination().getKey().equals("throttled.zip"), FaultInjectingCopier.Fault.SLOW_DOWN,
                Integer.MAX_VALUE), "sink.retry.maxAttempts=4")) {
            f.put("t.zip", Fixture.zip(10, 31));

            // When
            CopyResult missing = f.copy(Requests.copy(f.uri("nope.zip"), f.mirror, "nope.zip").build());
            CopyResult throttled = f.copy(Requests.copy(f.uri("t.zip"), f.mirror, "throttled.zip").build());

            // Then
            assertThat(missing.getOutcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
            assertThat(missing.getAttempts()).isEqualTo(1);
            assertThat(throttled.getOutcome()).isEqualTo(CopyOutcome.FAILED_OTHER);
            assertThat(throttled.getAttempts()).isEqualTo(4);
            assertThat(throttled.getErrorMessage()).contains("SlowDown", "gave up after 4 attempts");
        }
    }

    @Test
    void shouldLowerConcurrencyUnderThrottlingAndRecoverAfterwards(Stack.S3Endpoint s3) {
        // Given a copier allowed 16 copies at once, whose first 40 copies, under four prefixes, are throttled once
        // each (one hot prefix alone is slowed by itself, PrefixBackoffTest, and does not lower the whole limit)
        try (Fixture f = new Fixture(s3, c -> c instanceof ServerSideCopier ? FaultInjectingCopier.failing(c,
                r -> r.getDestination().getKey().startsWith("burst/"), FaultInjectingCopier.Fault.SLOW_DOWN, 1) : c,
                "sink.concurrency=16", "sink.verify.sha256=false", "sink.retry.maxAttempts=6")) {
            f.put("c.zip", Fixture.zip(10, 32));
            List<CompletableFuture<CopyResult>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(f.copier.copy(Requests.copy(f.uri("c.zip"), f.mirror, "burst/" + i % 4 + "/" + i).build(),
                        "b"));
            }
            burst.forEach(CompletableFuture::join);
            int lowered = f.copier.limiter().limit();

            // When unthrottled copies follow
            for (int i = 0; i < 40; i++) {
                f.copy(Requests.copy(f.uri("c.zip"), f.mirror, "calm/" + i).build());
            }

            // Then the limit went down under throttling and came back up afterwards
            assertThat(lowered).isLessThan(16);
            assertThat(f.copier.limiter().limit()).isGreaterThan(lowered);
        }
    }
}
