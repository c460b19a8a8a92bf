package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.bridge.EventRequests;
import io.archivesync.bridge.SqsBridge;
import io.archivesync.bridge.SqsBridgeService;
import io.archivesync.cli.Main;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.ProducerJob;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Requests from outside the enumerator (the publish command, the SQS bridge) through the whole pipeline. */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngressPipelineIT {

    private final String source = "in-src-" + UUID.randomUUID().toString().substring(0, 8);
    private final String mirror = "in-dst-" + UUID.randomUUID().toString().substring(0, 8);
    private S3Client s3;
    private SqsClient sqs;
    private String queueUrl;
    private Pipeline pipeline;

    @BeforeAll
    void startPipeline(Stack stack) {
        s3 = stack.s3().newClient();
        s3.createBucket(b -> b.bucket(source));
        s3.createBucket(b -> b.bucket(mirror));
        sqs = SqsClient.builder().endpointOverride(stack.sqsEndpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y")))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("ingress-" + source)
                .attributesWithStrings(java.util.Map.of("VisibilityTimeout", "1"))).queueUrl();
        pipeline = new Pipeline(stack, List.of(
                "bridge.queueUrl=" + queueUrl,
                "bridge.endpoint=" + stack.sqsEndpoint(),
                "bridge.region=us-east-1",
                "bridge.waitTime=1s",
                "bridge.rules=[{bucket: " + source + ", prefix: 'uploads/', destinationBucket: " + mirror
                        + ", destinationPrefix: 'from-sqs/'}]"));
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        sqs.close();
        s3.close();
    }

    @Test
    void shouldValidateRequestsPublishedFromTheCommandLineLikeAnyOther() {
        // Given an object in the source bucket
        put("cli/a.zip", "from the command line");

        // When one request is published from flags, and two JSON lines from stdin, one breaking the contract
        int fromFlags = publish(null, "--source", "s3://" + source + "/cli/a.zip", "--dest-bucket", mirror,
                "--dest-key", "cli/flags.zip", "--request-id", "cli-flags");
        int fromStdin = publish("{\"source\": \"s3://" + source + "/cli/a.zip\", \"destinationBucket\": \"" + mirror
                        + "\", \"destinationKey\": \"cli/stdin.zip\", \"requestId\": \"cli-stdin\"}\n"
                        + "{\"source\": \"s3://" + source + "/cli/a.zip\", \"destinationBucket\": \"" + mirror
                        + "\", \"destinationKey\": \"/etc/passwd\", \"requestId\": \"cli-evil\"}\n",
                "--stdin");

        // Then both valid requests are copied, and the invalid one is dead-lettered with its reason
        assertThat(fromFlags).isZero();
        assertThat(fromStdin).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> result("cli-flags") != null && result("cli-stdin") != null);
        assertThat(result("cli-flags").getOutcome()).isEqualTo(CopyOutcome.COPIED);
        assertThat(result("cli-stdin").getOutcome()).isEqualTo(CopyOutcome.COPIED);
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.deadLetters.stream()
                .anyMatch(r -> ("" + r.key()).endsWith("/etc/passwd")));
        assertThat(pipeline.deadLetters).filteredOn(r -> ("" + r.key()).endsWith("/etc/passwd"))
                .extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                        StandardCharsets.UTF_8))
                .singleElement().asString().contains("absolute path");
        assertThat(result("cli-evil")).isNull();
    }

    @Test
    void shouldMirrorANotifiedObjectOnceThoughTheNotificationWasPublishedTwice() {
        // Given an object whose creation was notified, and a bridge that died after publishing, before deleting
        String etag = put("uploads/my report é.zip", "notified").eTag().replace("\"", "");
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification("uploads/my+report+%C3%A9.zip",
                "notified".length(), etag)));
        long droppedBefore = pipeline.processor.droppedDuplicates();
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(
                pipeline.config.kafka().clientConfig(), pipeline.topics.requests().keySerde().serializer(),
                pipeline.topics.requests().valueSerde().serializer())) {
            SqsBridge doomed = new SqsBridge(sqs, producer, pipeline.topics.requests().name(),
                    pipeline.config.bridge(), new EventRequests(pipeline.config.bridge(), "us-east-1",
                    Clock.systemUTC()), messages -> 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> doomed.pollOnce() >= 0
                    && doomed.stats().published() == 1);
        }

        // When a new bridge receives the redelivered message
        try (SqsBridgeService bridge = SqsBridgeService.start(pipeline.config)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> bridge.stats().deleted() == 1);
        }

        // Then the object is copied once, with its name decoded, and the repeat is dropped by the processor's dedup
        String requestId = "sqs-";
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.processor.droppedDuplicates() > droppedBefore);
        List<CopyResult> copies = pipeline.results.stream()
                .filter(r -> r.getRequestId().startsWith(requestId)).toList();
        assertThat(copies).singleElement().satisfies(r -> assertThat(r.getOutcome()).isEqualTo(CopyOutcome.COPIED));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(mirror).key("from-sqs/my report é.zip")).asUtf8String())
                .isEqualTo("notified");
    }

    @Test
    void shouldCopyWhatGeneratedKeysFindReportTheRestAsNotFoundAndDropARerun(Stack stack) {
        // Given an archive with two days, and a generate plan for three
        SampleArchive.generate(s3, source, new SampleArchive.Spec(List.of("spot"), List.of("BTCUSDT"),
                List.of("klines"), LocalDate.of(2024, 5, 1), 2, "1m", 10));
        ProducerSettings generate = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "producer.strategy=generate", "producer.sourceBucket=" + source,
                "producer.sourceRegion=" + stack.s3().region(), "producer.anonymousSource=false",
                "producer.symbols=[BTCUSDT]", "producer.from=2024-05-01", "producer.to=2024-05-03",
                "producer.destinationBucket=" + mirror, "producer.destinationPrefix=generated/")).producer();

        // When
        long emitted = new ProducerJob(pipeline.config.withProducer(generate)).run(n -> { });

        // Then the four existing objects are copied and the third day's zip and sidecar are NOT_FOUND
        assertThat(emitted).isEqualTo(6);
        await().atMost(Duration.ofSeconds(30)).until(() -> generated().size() >= 6);
        assertThat(generated()).hasSize(6).filteredOn(r -> r.getOutcome() == CopyOutcome.FAILED_NOT_FOUND)
                .extracting(r -> r.getDestination().getKey()).containsExactlyInAnyOrder(
                        "generated/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-05-03.zip",
                        "generated/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-05-03.zip.CHECKSUM");
        assertThat(generated()).filteredOn(r -> r.getOutcome() == CopyOutcome.COPIED).hasSize(4);

        // When the same plan runs again, then dedup drops the four good copies' repeats, and the two that failed are
        // tried again (a failure is never held back by dedup) and answered again
        long droppedBefore = pipeline.processor.droppedDuplicates();
        new ProducerJob(pipeline.config.withProducer(generate)).run(n -> { });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pipeline.processor.droppedDuplicates() - droppedBefore >= 4 && generated().size() >= 8);
        assertThat(generated()).hasSize(8).filteredOn(r -> r.getOutcome() == CopyOutcome.FAILED_NOT_FOUND)
                .hasSize(4);
    }

    private List<CopyResult> generated() {
        return pipeline.results.stream().filter(r -> r.getDestination().getKey().startsWith("generated/")).toList();
    }

    private int publish(String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("publish",
                "--bootstrap-servers", pipeline.config.kafka().bootstrapServers(),
                "--schema-registry-url", pipeline.config.kafka().schemaRegistryUrl(),
                "--set", "topics.prefix=" + pipeline.config.topics().prefix(),
                "--set", "topics.partitions=" + pipeline.config.topics().partitions()));
        all.addAll(List.of(args));
        InputStream in = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            return new CommandLine(new Main()).execute(all.toArray(String[]::new));
        } finally {
            System.setIn(in);
        }
    }

    private CopyResult result(String requestId) {
        return pipeline.results.stream().filter(r -> r.getRequestId().equals(requestId)).findFirst().orElse(null);
    }

    private software.amazon.awssdk.services.s3.model.PutObjectResponse put(String key, String content) {
        return s3.putObject(b -> b.bucket(source).key(key), RequestBody.fromString(content));
    }

    private String notification(String encodedKey, long size, String etag) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + source + "\"},"
                + "\"object\":{\"key\":\"" + encodedKey + "\",\"size\":" + size + ",\"eTag\":\"" + etag
                + "\",\"sequencer\":\"0A1B\"}}}]}";
    }
}
