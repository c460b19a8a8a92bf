package io.archivesync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.sink.copy.CopierFactory;
import io.archivesync.sink.copy.FaultInjectingCopier;
import io.archivesync.sink.copy.ServerSideCopier;
import io.archivesync.sink.copy.StorageClients;
import io.archivesync.sink.metrics.CopyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Delivery on a real broker and S3: a copier stuck mid-batch (a zombie that never commits) loses nothing, its
 * replacement commits one result per request, and the zombie's late commit is refused; a hung copy does not hold a
 * batch's commit past sink.copyTimeout.
 */
@ExtendWith(StackExtension.class)
class DeliveryIT {

    private static final int REQUESTS = 8;

    @Test
    void shouldCommitExactlyOneResultPerRequestWhenACopierDiesMidBatch(Stack stack) throws Exception {
        // Given batches of real copies, and a first copier whose thread gets stuck on one object (a process frozen
        // mid-batch: it neither polls nor commits)
        Harness h = new Harness(stack, "sink.copyTimeout=60s");
        List<FileSyncRequest> requests = h.publishBatches();
        StorageClients clientsA = new StorageClients(h.config.s3(), h.config.sink());
        CountDownLatch thaw = new CountDownLatch(1);
        AtomicInteger frozen = new AtomicInteger();
        CopierFactory.Composed copierA = CopierFactory.create(h.config.sink(), clientsA, c -> c instanceof ServerSideCopier
                ? task -> {
                    if (task.request().getDestination().getKey().endsWith("/3.zip")) {
                        frozen.incrementAndGet();
                        awaitQuietly(thaw);
                    }
                    return c.copy(task);
                }
                : c);
        BatchConsumerLoop zombie = h.loop(copierA);
        Thread zombieThread = new Thread(zombie, "zombie-copier");
        zombieThread.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> frozen.get() > 0);

        // When a second copier joins, gets the partitions once the zombie misses its poll deadline, and copies
        StorageClients clientsB = new StorageClients(h.config.s3(), h.config.sink());
        CopierFactory.Composed copierB = CopierFactory.create(h.config.sink(), clientsB);
        BatchConsumerLoop healthy = h.loop(copierB);
        Thread healthyThread = new Thread(healthy, "healthy-copier");
        healthyThread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> h.committedResults().size() >= REQUESTS);

        // And the zombie wakes up and tries to commit what it had
        thaw.countDown();
        Thread.sleep(3000);
        zombie.stop();
        healthy.stop();
        zombieThread.join(15_000);
        healthyThread.join(15_000);
        copierA.close();
        copierB.close();
        clientsA.close();
        clientsB.close();

        // Then every request has exactly one committed result, and it is a good copy
        List<CopyResult> results = h.committedResults();
        Map<String, Long> perRequest = results.stream()
                .collect(Collectors.groupingBy(r -> r.getRequestId().toString(), Collectors.counting()));
        assertThat(perRequest).hasSize(REQUESTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(perRequest.keySet()).containsExactlyInAnyOrderElementsOf(
                requests.stream().map(r -> r.getRequestId().toString()).toList());
        assertThat(results).allSatisfy(r -> assertThat(r.getOutcome()).isIn(CopyOutcome.COPIED,
                CopyOutcome.SKIPPED_CURRENT));
    }

    @Test
    void shouldNotLetAHungCopyHoldTheBatchPastTheCopyTimeout(Stack stack) throws Exception {
        // Given a copier whose copy of one object never finishes, and a 2 s copy timeout
        Harness h = new Harness(stack, "sink.copyTimeout=2s");
        h.publishBatches();
        StorageClients clients = new StorageClients(h.config.s3(), h.config.sink());
        CopierFactory.Composed copier = CopierFactory.create(h.config.sink(), clients,
                c -> FaultInjectingCopier.hanging(c, r -> r.getDestination().getKey().endsWith("/5.zip")));
        BatchConsumerLoop loop = h.loop(copier);
        Thread thread = new Thread(loop, "copier");
        long started = System.nanoTime();
        thread.start();

        // When / Then the batch commits soon after the timeout: the hung object as a timeout, the rest as copied
        await().atMost(Duration.ofSeconds(30)).until(() -> h.committedResults().size() >= REQUESTS);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        loop.stop();
        thread.join(15_000);
        copier.close();
        clients.close();
        List<CopyResult> results = h.committedResults();
        assertThat(seconds).isLessThan(20);
        assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.FAILED_OTHER)
                .singleElement().satisfies(r -> assertThat(r.getErrorClass()).isEqualTo("Timeout"));
        assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.COPIED).hasSize(REQUESTS - 1);
    }

    @Test
    void shouldStayInTheGroupWhileCopiesOutlastThePollInterval(Stack stack) throws Exception {
        // Given a copier whose copies take longer than max.poll.interval.ms (4 s here), all of them
        Harness h = new Harness(stack, "sink.copyTimeout=60s");
        h.publishBatches();
        StorageClients clients = new StorageClients(h.config.s3(), h.config.sink());
        CopierFactory.Composed copier = CopierFactory.create(h.config.sink(), clients,
                c -> c instanceof ServerSideCopier ? task -> CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(6, TimeUnit.SECONDS)).thenCompose(v -> c.copy(task)) : c);
        BatchConsumerLoop loop = h.loop(copier);
        Thread thread = new Thread(loop, "slow-copier");
        thread.start();

        // When the copies finish, 6 s later
        await().atMost(Duration.ofSeconds(40)).until(() -> h.committedResults().size() >= REQUESTS);
        Thread.sleep(1000);
        loop.stop();
        thread.join(15_000);
        copier.close();
        clients.close();

        // Then the copier kept its partitions and committed each result once, without a replay
        List<CopyResult> results = h.committedResults();
        assertThat(results).hasSize(REQUESTS)
                .allSatisfy(r -> assertThat(r.getOutcome()).isEqualTo(CopyOutcome.COPIED));
    }

    @Test
    void shouldTurnACopierExceptionIntoAFailedResultAndGoOn(Stack stack) throws Exception {
        // Given a copier that throws on one object (a bug, not a storage failure), and a thread that fails another
        Harness h = new Harness(stack);
        h.publishBatches();
        StorageClients clients = new StorageClients(h.config.s3(), h.config.sink());
        CopierFactory.Composed copier = CopierFactory.create(h.config.sink(), clients,
                c -> c instanceof ServerSideCopier ? task -> {
                    String key = task.request().getDestination().getKey();
                    if (key.endsWith("/2.zip")) {
                        throw new NullPointerException("\"expected\" is null");
                    }
                    if (key.endsWith("/6.zip")) {
                        return CompletableFuture.failedFuture(new IllegalStateException("broken"));
                    }
                    return c.copy(task);
                } : c);
        BatchConsumerLoop loop = h.loop(copier);
        Thread thread = new Thread(loop, "copier");
        thread.start();

        // When
        await().atMost(Duration.ofSeconds(30)).until(() -> h.committedResults().size() >= REQUESTS);
        loop.stop();
        thread.join(15_000);
        copier.close();
        clients.close();

        // Then both end as failed results naming the exception, the loop lived on, and the rest were copied
        List<CopyResult> results = h.committedResults();
        assertThat(thread.isAlive()).isFalse();
        assertThat(results).hasSize(REQUESTS);
        assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.FAILED_OTHER)
                .extracting(r -> r.getErrorClass().toString())
                .containsExactlyInAnyOrder(NullPointerException.class.getName(),
                        IllegalStateException.class.getName());
        assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.COPIED).hasSize(REQUESTS - 2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A topic prefix, group, source and mirror of its own, on the shared broker and S3. */
    private static final class Harness {
        final AppConfig config;
        final Topics topics;
        final String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        final String mirror = "dst-" + UUID.randomUUID().toString().substring(0, 8);

        Harness(Stack stack, String... overrides) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> o = new ArrayList<>(List.of(
                    "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                    "kafka.schemaRegistryUrl=mock://delivery-" + run,
                    "topics.prefix=delivery-" + run + ".",
                    "topics.partitions=1",
                    "s3.endpoint=" + stack.s3().endpoint(),
                    "s3.region=" + stack.s3().region(),
                    "s3.accessKey=" + stack.s3().accessKey(),
                    "s3.secretKey=" + stack.s3().secretKey(),
                    "s3.pathStyle=true",
                    "sink.groupId=delivery-" + run,
                    "sink.verify.sha256=false"));
            o.addAll(List.of(overrides));
            config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, o);
            topics = Topics.create(config);
            TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
            try (S3Client s3 = stack.s3().newClient()) {
                s3.createBucket(b -> b.bucket(source));
                s3.createBucket(b -> b.bucket(mirror));
                for (int i = 0; i < REQUESTS; i++) {
                    byte[] bytes = ("PK object " + i).getBytes();
                    int n = i;
                    s3.putObject(b -> b.bucket(source).key("o/" + n + ".zip"), RequestBody.fromBytes(bytes));
                }
            }
        }

        List<FileSyncRequest> publishBatches() {
            List<FileSyncRequest> all = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                all.add(FileSyncRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setSource(SourceLocation.newBuilder().setUri("s3://" + source + "/o/" + i + ".zip").build())
                        .setDestination(Destination.newBuilder().setBucket(mirror).setKey("m/" + i + ".zip").build())
                        .setRequestedAt(Instant.now()).setAttributes(Map.of()).build());
            }
            var topic = topics.batches(Route.SERVER_SIDE);
            try (KafkaProducer<String, CopyBatch> producer = new KafkaProducer<>(config.kafka().clientConfig(),
                    new StringSerializer(), topic.valueSerde().serializer())) {
                for (int b = 0; b < 2; b++) {
                    String id = "batch-" + b;
                    producer.send(new ProducerRecord<>(topic.name(), id, CopyBatch.newBuilder().setBatchId(id)
                            .setRoute(Route.SERVER_SIDE).setDestinationBucket(mirror)
                            .setRequests(all.subList(b * REQUESTS / 2, (b + 1) * REQUESTS / 2))
                            .setCreatedAt(Instant.now()).build()));
                }
            }
            return all;
        }

        BatchConsumerLoop loop(CopierFactory.Composed copier) {
            Map<String, Object> c = config.kafka().clientConfig();
            c.put(ConsumerConfig.GROUP_ID_CONFIG, config.sink().groupId());
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 4000);
            c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
            c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500);
            Map<String, Object> p = config.kafka().clientConfig();
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "delivery-" + UUID.randomUUID());
            return new BatchConsumerLoop(
                    new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                    new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()),
                    topics, List.of(Route.SERVER_SIDE), copier, Duration.ofMillis(200),
                    config.sink().copyTimeout(), 16, new CopyMetrics(new SimpleMeterRegistry()),
                    DeadLetterCounter.NONE);
        }

        List<CopyResult> committedResults() {
            Map<String, Object> c = config.kafka().clientConfig();
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                var partitions = consumer.partitionsFor(topics.results().name()).stream()
                        .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
                List<CopyResult> results = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 5000;
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                        && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> results.add(
                            topics.results().valueSerde().deserializer().deserialize(r.topic(), r.value())));
                }
                return results;
            }
        }
    }

}
