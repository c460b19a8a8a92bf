package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.ProducerJob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A re-run of {@code --strategy generate} over a mirrored range, after the dedup horizon: requests without size or
 * ETag, answered by one conditional copy each (the results table's source ETag), no bytes moved.
 */
@ExtendWith(StackExtension.class)
class GeneratedRerunIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(GeneratedRerunIT.class);

    @Test
    void shouldAnswerAReRunOfAGeneratedRangeWithAtMostOneRequestPerObjectAndNoBytes(Stack stack) throws Exception {
        // Given a mirrored range, mirrored by a generate plan, and a dedup horizon of 1 s
        String source = "gen-src-" + UUID.randomUUID().toString().substring(0, 8);
        String mirror = "gen-dst-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = stack.s3().newClient();
             Pipeline pipeline = new Pipeline(stack, List.of("processor.dedupHorizon=1s"))) {
            s3.createBucket(b -> b.bucket(source));
            s3.createBucket(b -> b.bucket(mirror));
            List<SampleArchive.Entry> archive = SampleArchive.generate(s3, source, new SampleArchive.Spec(
                    List.of("spot"), List.of("BTCUSDT", "ETHUSDT"), List.of("klines"), LocalDate.of(2024, 6, 1), 4,
                    "1m", 200));
            ProducerSettings generate = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                    "producer.strategy=generate", "producer.sourceBucket=" + source,
                    "producer.sourceRegion=" + stack.s3().region(), "producer.anonymousSource=false",
                    "producer.symbols=[BTCUSDT,ETHUSDT]", "producer.from=2024-06-01", "producer.to=2024-06-04",
                    "producer.destinationBucket=" + mirror, "producer.destinationPrefix=gen/")).producer();
            int objects = archive.size();
            assertThat(new ProducerJob(pipeline.config.withProducer(generate)).run(n -> { })).isEqualTo(objects);
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.results.size() >= objects);
            assertThat(pipeline.results).allSatisfy(r -> assertThat(r.getOutcome()).isEqualTo(CopyOutcome.COPIED));

            // When the same plan runs again once the horizon has passed
            Thread.sleep(2_500);
            assertThat(new ProducerJob(pipeline.config.withProducer(generate)).run(n -> { })).isEqualTo(objects);
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.results.size() >= 2L * objects);

            // Then every object is answered as current, for at most one storage request and no byte through us
            List<CopyResult> rerun = pipeline.results.subList(objects, pipeline.results.size());
            assertThat(rerun).hasSize(objects).allSatisfy(r -> {
                assertThat(r.getOutcome()).as(r.getMethodReason()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
                assertThat(r.getStorageRequests()).isLessThanOrEqualTo(1);
                assertThat(r.getBytesThroughCopier()).isZero();
            });
            long requests = rerun.stream().mapToLong(CopyResult::getStorageRequests).sum();
            long firstRun = pipeline.results.subList(0, objects).stream().mapToLong(CopyResult::getStorageRequests)
                    .sum();
            LOGGER.info("generated re-run objects={} requestsPerObject={} firstRunRequestsPerObject={}", objects,
                    String.format("%.2f", (double) requests / objects),
                    String.format("%.2f", (double) firstRun / objects));
        }
    }
}
