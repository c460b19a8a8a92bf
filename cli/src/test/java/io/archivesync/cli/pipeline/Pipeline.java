package io.archivesync.cli.pipeline;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.processor.ProcessorService;
import io.archivesync.sink.CopierService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole pipeline on the real stack, isolated by a unique topic prefix, application id and group: processor and
 * copier running, results and dead letters collected as they are committed.
 *
 * <p>The test's own clients (publishing, collecting) always talk to the stack's registry directly, so a test may
 * point the services at another address (a {@code TcpProxy} it cuts) and still publish and read meanwhile.
 */
final class Pipeline implements AutoCloseable {

    final AppConfig config;
    final Topics topics;
    /** The same topics with serdes on the stack's own registry: what the test publishes and reads with. */
    final Topics clientTopics;
    final ProcessorService processor;
    volatile CopierService copier;
    final List<CopyResult> results = new CopyOnWriteArrayList<>();
    final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    final List<ConsumerRecord<String, byte[]>> unreadableResults = new CopyOnWriteArrayList<>();
    private final Thread collector;
    private volatile boolean running = true;

    Pipeline(Stack stack, List<String> overrides) {
        this(stack, overrides, true);
    }

    /** With {@code startCopier} false, only the processor runs until {@link #startCopier()}. */
    Pipeline(Stack stack, List<String> overrides, boolean startCopier) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> o = new ArrayList<>(List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=" + stack.schemaRegistryUrl(),
                "topics.prefix=it-" + run + ".",
                "topics.partitions=2",
                "s3.endpoint=" + stack.s3().endpoint(),
                "s3.region=" + stack.s3().region(),
                "s3.accessKey=" + stack.s3().accessKey(),
                "s3.secretKey=" + stack.s3().secretKey(),
                "s3.pathStyle=true",
                "producer.sourceRegion=" + stack.s3().region(),
                "producer.anonymousSource=false",
                "processor.applicationId=it-processor-" + run,
                "processor.batch.maxRequests=10",
                "processor.batch.maxWait=200ms",
                "processor.statusPort=0",
                "sink.statusPort=0",
                "bridge.statusPort=0",
                "sink.groupId=it-sink-" + run,
                "sink.transactionalIdPrefix=it-sink-" + run));
        o.addAll(overrides);
        ConfigLoader loader = new ConfigLoader(new EnvSubstitution(name -> null));
        config = loader.load(null, o);
        topics = Topics.create(config);
        o.add("kafka.schemaRegistryUrl=" + stack.schemaRegistryUrl());
        clientTopics = Topics.create(loader.load(null, o));
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        processor = ProcessorService.start(config, Duration.ofSeconds(60));
        if (startCopier) {
            startCopier();
        }
        collector = new Thread(this::collect, "it-collector-" + run);
        collector.start();
    }

    /** Starts the copier (once): a copier started late reads with empty registry caches. */
    synchronized void startCopier() {
        if (copier == null) {
            copier = CopierService.start(config);
        }
    }

    private void collect() {
        Map<String, Object> c = config.kafka().clientConfig();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.results().name(), topics.deadLetter().name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.topic().equals(topics.results().name())) {
                        try {
                            results.add(clientTopics.results().valueSerde().deserializer().deserialize(r.topic(),
                                    r.value()));
                        } catch (org.apache.kafka.common.errors.SerializationException e) {
                            unreadableResults.add(r);
                        }
                    } else {
                        deadLetters.add(r);
                    }
                }
            }
        }
    }

    /** Publishes requests the way any outside publisher would. */
    void publish(List<FileSyncRequest> requests) {
        try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(config.kafka().clientConfig(),
                new StringSerializer(), clientTopics.requests().valueSerde().serializer())) {
            for (FileSyncRequest r : requests) {
                producer.send(new ProducerRecord<>(topics.requests().name(),
                        r.getDestination().getBucket() + "/" + r.getDestination().getKey(), r));
            }
        }
    }

    void publishRaw(String key, byte[] value) {
        publishRaw(topics.requests().name(), key, value);
    }

    void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.kafka().clientConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    /** The batches committed on both batch topics so far, read from the beginning. */
    List<CopyBatch> committedBatches() {
        Map<String, Object> c = config.kafka().clientConfig();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<CopyBatch> batches = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, CopyBatch> topic : List.of(topics.serverSideBatches(), topics.streamingBatches())) {
                consumer.partitionsFor(topic.name())
                        .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    batches.add(clientTopics.serverSideBatches().valueSerde().deserializer()
                            .deserialize(r.topic(), r.value()));
                }
            }
        }
        return batches;
    }

    @Override
    public void close() {
        running = false;
        try {
            collector.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (copier != null) {
            copier.close();
        }
        processor.close();
    }
}
