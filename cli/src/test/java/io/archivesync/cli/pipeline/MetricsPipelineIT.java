package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.ProducerJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** What an operator sees: the copier's and the processor's /metrics agree with the committed results. */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsPipelineIT {

    private static final SampleArchive.Spec SPEC = new SampleArchive.Spec(List.of("spot"),
            List.of("BTCUSDT", "ETHUSDT"), List.of("klines"), LocalDate.of(2024, 4, 1), 2, "1m", 50);

    private final String source = "msrc-" + UUID.randomUUID().toString().substring(0, 8);
    private final String mirror = "mdst-" + UUID.randomUUID().toString().substring(0, 8);
    private S3Client s3;
    private Pipeline pipeline;
    private List<SampleArchive.Entry> archive;

    @BeforeAll
    void startPipeline(Stack stack) {
        s3 = stack.s3().newClient();
        s3.createBucket(b -> b.bucket(source));
        s3.createBucket(b -> b.bucket(mirror));
        archive = SampleArchive.generate(s3, source, SPEC);
        pipeline = new Pipeline(stack, List.of(
                "producer.sourceBucket=" + source,
                "producer.markets=[spot]",
                "producer.dataTypes=[klines]",
                "producer.symbols=[BTCUSDT,ETHUSDT]",
                "producer.from=2024-04-01",
                "producer.to=2024-04-02",
                "producer.destinationBucket=" + mirror,
                "producer.destinationPrefix=binance/"));
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        s3.close();
    }

    @Test
    void shouldCountInMetricsWhatTheCommittedResultsSayAndAnswerReady() {
        // Given both services' endpoints on free loopback ports
        Scrape copier = new Scrape(pipeline.copier.statusPort());
        Scrape processor = new Scrape(pipeline.processor.statusPort());
        assertThat(copier.port()).isPositive();

        // When the archive is enumerated, one request for a missing object and one invalid request are published
        new ProducerJob(pipeline.config).run(n -> { });
        pipeline.publish(List.of(request("s3://" + source + "/data/spot/daily/klines/NOPE/1m/NOPE.zip",
                "binance/missing/NOPE.zip"), request("s3://" + source + "/x.zip", "/absolute.zip")));
        int expected = archive.size() + 1;
        await().atMost(Duration.ofSeconds(60)).until(() -> results().size() >= expected);

        // Then the copier's counters agree with the committed results, by outcome, and in bytes
        List<CopyResult> results = results();
        assertThat(results).hasSize(expected);
        Map<CopyOutcome, Long> byOutcome = results.stream()
                .collect(Collectors.groupingBy(CopyResult::getOutcome, Collectors.counting()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> copier.sum("archivesync_copies_total", Map.of()) == expected);
        byOutcome.forEach((outcome, count) -> assertThat(
                copier.sum("archivesync_copies_total", Map.of("outcome", outcome.name())))
                .as("copies with outcome %s", outcome).isEqualTo(count.doubleValue()));
        assertThat(byOutcome).containsEntry(CopyOutcome.COPIED, (long) archive.size())
                .containsEntry(CopyOutcome.FAILED_NOT_FOUND, 1L);
        assertThat(copier.sum("archivesync_copy_bytes_total", Map.of()))
                .isEqualTo(results.stream().mapToLong(CopyResult::getBytes).sum());
        assertThat(copier.sum("archivesync_storage_requests_total", Map.of()))
                .isEqualTo(results.stream().mapToLong(CopyResult::getStorageRequests).sum());
        assertThat(copier.sum("archivesync_copy_duration_seconds_count", Map.of())).isEqualTo(expected);
        assertThat(copier.body()).contains("archivesync_adaptive_limit ").contains("archivesync_copies_in_flight ")
                .contains("archivesync_copier_lag_records ").contains("kafka_consumer_");

        // And the processor counted its dead letter by kind and shows Kafka Streams' own metrics
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.deadLetters.size() >= 1);
        assertThat(processor.sum("archivesync_dead_letters_total", Map.of("kind", "VALIDATION"))).isEqualTo(1.0);
        assertThat(processor.body()).contains("kafka_stream_");

        // And both services say they are ready
        assertThat(copier.status("/health/ready")).isEqualTo(200);
        assertThat(processor.status("/health/ready")).isEqualTo(200);
        assertThat(copier.status("/health/live")).isEqualTo(200);
    }

    private List<CopyResult> results() {
        return pipeline.results.stream().filter(r -> r.getDestination().getBucket().equals(mirror)).toList();
    }

    private FileSyncRequest request(String uri, String key) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri(uri).build())
                .setDestination(Destination.newBuilder().setBucket(mirror).setKey(key).build())
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
    }
}
