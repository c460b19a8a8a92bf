package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.processor.ProcessorService;
import io.archivesync.sink.CopierService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Two processors and two copiers share the work through Kafka, and every object still gets exactly one result. */
@ExtendWith(StackExtension.class)
class ScaleOutIT {

    private static final int OBJECTS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldSplitWorkAcrossInstancesWithExactlyOneResultPerObject(Stack stack) throws Exception {
        String source = "so-src-" + UUID.randomUUID().toString().substring(0, 8);
        String mirror = "so-dst-" + UUID.randomUUID().toString().substring(0, 8);
        List<FileSyncRequest> requests = new ArrayList<>();
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(source));
            s3.createBucket(b -> b.bucket(mirror));
            for (int i = 0; i < OBJECTS; i++) {
                String key = "data/spot/daily/trades/SYM" + i + "/SYM" + i + "-trades-2024-01-01.zip";
                String etag = s3.putObject(b -> b.bucket(source).key(key), RequestBody.fromString("object " + i))
                        .eTag().replace("\"", "");
                requests.add(request(source, key, mirror, etag));
            }
        }
        // Given two processors and two copiers over 4 partitions
        try (Pipeline first = new Pipeline(stack, List.of("topics.partitions=4",
                "processor.allowedDestinations=[" + mirror + "]"));
             ProcessorService secondProcessor = ProcessorService.start(first.config, Duration.ofSeconds(60));
             CopierService secondCopier = CopierService.start(first.config)) {

            // When the requests arrive
            first.publish(requests);

            // Then every object ends with exactly one COPIED result
            await().atMost(Duration.ofSeconds(90)).until(() -> first.results.size() >= OBJECTS);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            Map<String, Long> perRequest = first.results.stream()
                    .collect(Collectors.groupingBy(CopyResult::getRequestId, Collectors.counting()));
            assertThat(perRequest).hasSize(OBJECTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(first.results).extracting(CopyResult::getOutcome).containsOnly(CopyOutcome.COPIED);

            // And the work was split: both processors own stream tasks, both copiers own batch partitions
            assertThat(activeTasks(first.processor.streams())).isPositive();
            assertThat(activeTasks(secondProcessor.streams())).isPositive();
            try (Admin admin = Admin.create(first.config.kafka().clientConfig())) {
                // a rebalance may still be settling when a fast run is already over: the split must come, not be instant
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    ConsumerGroupDescription copiers = admin.describeConsumerGroups(
                            List.of(first.config.sink().groupId())).all().get().get(first.config.sink().groupId());
                    assertThat(copiers.members()).hasSize(2)
                            .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
                });
            }

            // And either processor's status endpoint answers for any object and for the totals of both
            Map<String, CopyResult> byKey = first.results.stream().collect(Collectors.toMap(
                    r -> r.getDestination().getBucket() + "/" + r.getDestination().getKey(), Function.identity()));
            for (ProcessorService p : List.of(first.processor, secondProcessor)) {
                for (String destination : List.of(byKey.keySet().iterator().next(), lastKey(byKey))) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> status(p, "/objects/" + destination)
                            .statusCode() == 200);
                    Map<String, Object> answer = JSON.readValue(status(p, "/objects/" + destination).body(),
                            new TypeReference<>() { });
                    assertThat(answer.get("requestId")).isEqualTo(byKey.get(destination).getRequestId());
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> copiedInTotals(p) == OBJECTS);
            }
        }
    }

    private static long copiedInTotals(ProcessorService p) throws Exception {
        HttpResponse<String> answer = status(p, "/totals");
        if (answer.statusCode() != 200) {
            return -1;
        }
        Map<String, Map<String, Object>> totals = JSON.readValue(answer.body(), new TypeReference<>() { });
        return totals.values().stream().mapToLong(t -> ((Number) t.get("copied")).longValue()).sum();
    }

    private static HttpResponse<String> status(ProcessorService p, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + p.statusPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String lastKey(Map<String, CopyResult> byKey) {
        return byKey.keySet().stream().reduce((a, b) -> b).orElseThrow();
    }

    private static long activeTasks(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks).mapToLong(java.util.Set::size)
                .sum();
    }

    private static FileSyncRequest request(String source, String key, String mirror, String etag) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri("s3://" + source + "/" + key).build())
                .setDestination(Destination.newBuilder().setBucket(mirror).setKey("m/" + key).build())
                .setExpectedEtag(etag)
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
    }
}
