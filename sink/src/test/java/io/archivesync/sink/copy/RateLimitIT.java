package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The request and bandwidth caps of {@code sink.rateLimit}, measured on real copies against S3Proxy. */
@ExtendWith(StackExtension.class)
class RateLimitIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(RateLimitIT.class);
    private static final int CAP = 20;
    private static final long BANDWIDTH = 3L << 19;

    @Test
    void shouldHoldStorageRequestsPerSecondWithinTenPercentOfTheCap(Stack.S3Endpoint s3) {
        // Given 160 small objects and a copier capped at 20 requests per second, with far more copies waiting
        RequestClock wire = new RequestClock();
        try (Fixture f = new Fixture(s3, List.of(wire), "sink.rateLimit.requestsPerSecond=" + CAP,
                "sink.verify.sha256=false")) {
            byte[] bytes = Fixture.zip(512, 60);
            String etag = f.put("o.zip", bytes);
            List<CompletableFuture<CopyResult>> copies = new ArrayList<>();

            // When they are all copied at once
            for (int i = 0; i < 160; i++) {
                copies.add(f.copier.copy(Requests.copy(f.uri("o.zip"), f.mirror, "rl/" + i + ".zip")
                        .setExpectedSize((long) bytes.length).setExpectedEtag(etag).build(), Fixture.BATCH));
            }
            List<CopyResult> results = copies.stream()
                    .map(c -> c.orTimeout(60, TimeUnit.SECONDS).join()).toList();

            // Then every copy landed, every request was counted, and requests went out at the cap (±10%) once
            // the first second was over
            assertThat(results).allSatisfy(r -> assertThat(r.getOutcome()).as(r.getErrorMessage())
                    .isEqualTo(CopyOutcome.COPIED));
            assertThat(wire.count()).isEqualTo(results.stream().mapToInt(CopyResult::getStorageRequests).sum());
            double rate = wire.steadyRate(1.0);
            LOGGER.info("request cap measured requests={} steadyRate={} cap={}", wire.count(), rate, CAP);
            assertThat(rate).isCloseTo(CAP, within(CAP * 0.1));
        }
    }

    @Test
    void shouldHoldStreamedBytesPerSecondWithinTenPercentOfTheBandwidthCap(Stack.S3Endpoint s3) {
        // Given two 6 MiB objects streamed at once by a copier capped at 1.5 MiB/s in all, in 5 MiB parts, so the
        // last part goes out as soon as the last byte is read
        RequestClock wire = new RequestClock();
        try (Fixture f = new Fixture(s3, List.of(wire), "sink.rateLimit.bandwidth=" + BANDWIDTH, "sink.verify.sha256=false",
                "sink.streaming.partSize=5242880")) {
            byte[] first = Fixture.zip(6 << 20, 61);
            byte[] second = Fixture.zip(6 << 20, 62);
            f.put("a.zip", first);
            f.put("b.zip", second);

            // When
            CompletableFuture<CopyResult> a = f.copier.copy(Requests.copy(f.uri("a.zip"), f.mirror, "bw/a.zip")
                    .setMode("TRADITIONAL").build(), Fixture.BATCH);
            CompletableFuture<CopyResult> b = f.copier.copy(Requests.copy(f.uri("b.zip"), f.mirror, "bw/b.zip")
                    .setMode("TRADITIONAL").build(), Fixture.BATCH);
            CopyResult ra = a.orTimeout(60, TimeUnit.SECONDS).join();
            CopyResult rb = b.orTimeout(60, TimeUnit.SECONDS).join();

            // Then both streamed whole, and the bytes went through the copier at the cap (±10%), from the first
            // GET of a source to the last part, sent once its bytes were read
            List<Long> gets = wire.sent("GetObject");
            List<Long> parts = wire.sent("UploadPart");
            double seconds = (parts.get(parts.size() - 1) - gets.get(0)) / 1e9;
            assertThat(ra.getOutcome()).as(ra.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(rb.getOutcome()).as(rb.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(f.read(f.mirror, "bw/a.zip")).isEqualTo(first);
            long bytes = ra.getBytesThroughCopier() + rb.getBytesThroughCopier();
            assertThat(bytes).isEqualTo(12L << 20);
            LOGGER.info("bandwidth cap measured bytes={} seconds={} rate={} cap={}", bytes, seconds, bytes / seconds,
                    BANDWIDTH);
            assertThat(bytes / seconds).isCloseTo((double) BANDWIDTH, within(BANDWIDTH * 0.1));
        }
    }
}
