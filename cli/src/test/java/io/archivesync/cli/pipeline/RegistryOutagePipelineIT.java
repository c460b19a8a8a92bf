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
import io.archivesync.embedded.TcpProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The schema registry goes away while the pipeline runs (processor and copier reach it through a {@link TcpProxy}
 * that the test cuts): infrastructure trouble, so no request is dead-lettered, and every request is copied once the
 * registry is back.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryOutagePipelineIT {

    private static final String COPIER_LOGGER = "io.archivesync.sink.BatchConsumerLoop";
    private static final String COPIER_BACKED_OFF = "cannot read copy batches, will retry";
    private static final int REQUESTS_EACH = 8;

    private final String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
    private final String mirror = "dst-" + UUID.randomUUID().toString().substring(0, 8);
    private String registryUrl;
    private S3Client s3;
    private TcpProxy registry;
    private Pipeline pipeline;

    @BeforeAll
    void startPipelineBehindAProxy(Stack stack) {
        s3 = stack.s3().newClient();
        s3.createBucket(b -> b.bucket(source));
        s3.createBucket(b -> b.bucket(mirror));
        registryUrl = stack.schemaRegistryUrl();
        registry = TcpProxy.to(URI.create(registryUrl));
        pipeline = new Pipeline(stack, List.of("kafka.schemaRegistryUrl=" + registry.proxied(registryUrl)), false);
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        registry.close();
        s3.close();
    }

    @Test
    void shouldCopyEveryRequestReadDuringARegistryOutageWithoutDeadLetteringAny() {
        // Given requests the processor batched while the registry answered, for a copier not started yet
        List<FileSyncRequest> before = requests("before");
        pipeline.publish(before);
        await().atMost(Duration.ofSeconds(60)).until(() -> batchedIds().containsAll(ids(before)));

        try (LogWatch copierLog = LogWatch.on(COPIER_LOGGER)) {
            // When the registry goes away, requests come written with a schema version the processor has not seen
            // (so it must ask the registry), and the copier starts with nothing cached (so it must ask too)
            registry.cut();
            List<FileSyncRequest> during = requests("during");
            publishWithNewerSchema(during);
            pipeline.startCopier();

            // Then the processor fails its task rather than dead-letter them, and the copier backs off (a dead
            // letter, the wrong answer, ends the wait at once)
            await().atMost(Duration.ofSeconds(60)).until(() -> !pipeline.deadLetters.isEmpty()
                    || failedStreamThreads() >= 1 && copierLog.count(COPIER_BACKED_OFF) >= 1);
            assertThat(pipeline.deadLetters).isEmpty();
            assertThat(pipeline.results).isEmpty();

            // When the registry is back
            registry.restore();

            // Then every request, from before and during the outage, gets exactly one result, COPIED
            List<FileSyncRequest> all = new ArrayList<>(before);
            all.addAll(during);
            await().atMost(Duration.ofSeconds(120)).until(() -> resultsById().keySet().containsAll(ids(all)));
            Map<String, List<CopyResult>> results = resultsById();
            assertThat(ids(all)).allSatisfy(id -> assertThat(results.get(id)).singleElement()
                    .extracting(CopyResult::getOutcome).isEqualTo(CopyOutcome.COPIED));

            // And none of them was dead-lettered, by the processor or the copier
            assertThat(pipeline.deadLetters).isEmpty();
            assertThat(copierLog.count(COPIER_BACKED_OFF)).isPositive();
        }
    }

    private List<FileSyncRequest> requests(String phase) {
        List<FileSyncRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS_EACH; i++) {
            String key = phase + "/object-" + i + ".dat";
            s3.putObject(b -> b.bucket(source).key(key), RequestBody.fromString(phase + " " + i,
                    StandardCharsets.UTF_8));
            requests.add(FileSyncRequest.newBuilder()
                    .setRequestId(UUID.randomUUID().toString())
                    .setSource(SourceLocation.newBuilder().setUri("s3://" + source + "/" + key).build())
                    .setDestination(Destination.newBuilder().setBucket(mirror).setKey(key).build())
                    .setOrigin(RequestOrigin.API)
                    .setRequestedAt(Instant.now())
                    .setAttributes(Map.of())
                    .build());
        }
        return requests;
    }

    /** Publishes through the real registry, framed with a newer version of the request schema. */
    private void publishWithNewerSchema(List<FileSyncRequest> requests) {
        String topic = pipeline.topics.requests().name();
        NewerRequestSchema newer = new NewerRequestSchema(registryUrl, topic);
        for (FileSyncRequest r : requests) {
            byte[] older = pipeline.clientTopics.requests().valueSerde().serializer().serialize(topic, r);
            pipeline.publishRaw(r.getDestination().getBucket() + "/" + r.getDestination().getKey(),
                    newer.rewrite(older));
        }
    }

    private List<String> batchedIds() {
        return pipeline.committedBatches().stream().flatMap(b -> b.getRequests().stream())
                .map(FileSyncRequest::getRequestId).toList();
    }

    private long failedStreamThreads() {
        return pipeline.processor.streams().metrics().values().stream()
                .filter(m -> m.metricName().name().equals("failed-stream-threads"))
                .map(Metric::metricValue)
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
    }

    private Map<String, List<CopyResult>> resultsById() {
        return pipeline.results.stream().collect(Collectors.groupingBy(CopyResult::getRequestId));
    }

    private static List<String> ids(List<FileSyncRequest> requests) {
        return requests.stream().map(FileSyncRequest::getRequestId).toList();
    }
}
