package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.ProducerJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** The foundation's promise on real servers: Kafka (KRaft), S3Proxy and the Apicurio registry. */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MirrorPipelineIT {

    private static final SampleArchive.Spec SPEC = new SampleArchive.Spec(List.of("spot", "futures/um"),
            List.of("BTCUSDT", "ETHUSDT"), List.of("klines", "aggTrades"), LocalDate.of(2024, 3, 1), 2, "1m", 50);

    private final String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
    private final String mirror = "dst-" + UUID.randomUUID().toString().substring(0, 8);
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
                "producer.markets=[spot,futures/um]",
                "producer.dataTypes=[klines,aggTrades]",
                "producer.symbols=[BTCUSDT,ETHUSDT]",
                "producer.from=2024-03-01",
                "producer.to=2024-03-02",
                "producer.destinationBucket=" + mirror,
                "producer.destinationPrefix=binance/"));
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        s3.close();
    }

    @Test
    void shouldMirrorEveryObjectWithIdenticalBytesThenDropTheRepeatRun() {
        // Given the enumerator's first run over the generated archive
        long emitted = new ProducerJob(pipeline.config).run(n -> { });
        assertThat(emitted).isEqualTo(archive.size());

        // Then every object gets one COPIED result, server-side, and lands byte for byte
        await().atMost(Duration.ofSeconds(60)).until(() -> resultsFor(mirror).size() >= archive.size());
        List<CopyResult> copied = resultsFor(mirror);
        assertThat(copied).hasSize(archive.size()).allSatisfy(r -> {
            assertThat(r.getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(r.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
            assertThat(r.getBytesThroughCopier()).isZero();
            assertThat(r.getVerification().getVerified()).isTrue();
        });
        for (SampleArchive.Entry e : archive) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(mirror).key("binance/" + e.key())).asByteArray())
                    .isEqualTo(s3.getObjectAsBytes(b -> b.bucket(source).key(e.key())).asByteArray());
        }

        // When the same enumeration runs again
        long droppedBefore = pipeline.processor.droppedDuplicates();
        new ProducerJob(pipeline.config).run(n -> { });

        // Then every repeat is dropped by the processor and nothing is copied a second time
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pipeline.processor.droppedDuplicates() - droppedBefore >= archive.size());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(resultsFor(mirror)).hasSize(archive.size());
    }

    @Test
    void shouldReportMissingSourceAsFailedNotFound() {
        // Given a request for an object the source does not have
        FileSyncRequest missing = request("s3://" + source + "/data/spot/daily/klines/NOPE/1m/NOPE-1m-2024-03-01.zip",
                "missing/NOPE.zip");
        pipeline.publish(List.of(missing));

        // Then it ends as one FAILED_NOT_FOUND result naming the source, and nothing is written
        await().atMost(Duration.ofSeconds(30)).until(() -> resultFor(missing.getRequestId()) != null);
        CopyResult result = resultFor(missing.getRequestId());
        assertThat(result.getOutcome()).isEqualTo(CopyOutcome.FAILED_NOT_FOUND);
        assertThat(result.getErrorMessage()).contains(missing.getSource().getUri()).contains("not found");
        assertThat(s3.listObjectsV2(b -> b.bucket(mirror).prefix("missing/")).contents()).isEmpty();
    }

    @Test
    void shouldDeadLetterInvalidRequestWithReason() {
        // Given a request whose destination key is absolute, and bytes that are no request at all
        FileSyncRequest bad = request("s3://" + source + "/x.zip", "/etc/passwd");
        pipeline.publish(List.of(bad));
        pipeline.publishRaw("junk", "junk".getBytes(StandardCharsets.UTF_8));

        // Then both reach the dead-letter topic with their reasons; neither gets a result
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.deadLetters.size() >= 2);
        assertThat(pipeline.deadLetters).extracting(r -> new String(
                        r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .anySatisfy(reason -> assertThat(reason).contains("absolute path"))
                .anySatisfy(reason -> assertThat(reason).contains("cannot parse"));
        assertThat(resultFor(bad.getRequestId())).isNull();
    }

    @Test
    void shouldSkipPoisonOnTheResultsTopicWithoutDeadLetteringItAsARequest() {
        // Given bytes on the results topic that are no result (the processor reads results for its table)
        byte[] poison = "poison result".getBytes(StandardCharsets.UTF_8);
        pipeline.publishRaw(pipeline.topics.results().name(), mirror + "/poison", poison);

        // When a request comes after it
        FileSyncRequest after = request("s3://" + source + "/" + archive.get(0).key(), "after-poison.zip");
        pipeline.publish(List.of(after));

        // Then the request is still copied (the poison stopped nothing), and the requests' dead-letter topic never
        // sees the results topic's trouble
        await().atMost(Duration.ofSeconds(60)).until(() -> resultFor(after.getRequestId()) != null);
        assertThat(resultFor(after.getRequestId()).getOutcome()).isEqualTo(CopyOutcome.COPIED);
        assertThat(pipeline.deadLetters).noneMatch(r -> java.util.Arrays.equals(r.value(), poison));
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

    private List<CopyResult> resultsFor(String bucket) {
        return pipeline.results.stream()
                .filter(r -> r.getDestination().getBucket().equals(bucket))
                .filter(r -> r.getDestination().getKey().startsWith("binance/"))
                .toList();
    }

    private CopyResult resultFor(String requestId) {
        return pipeline.results.stream().filter(r -> r.getRequestId().equals(requestId)).findFirst().orElse(null);
    }
}
