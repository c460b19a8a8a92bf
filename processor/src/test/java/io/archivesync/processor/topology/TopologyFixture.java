package io.archivesync.processor.topology;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The topology under {@link TopologyTestDriver}, with an in-memory registry and typed topics. */
final class TopologyFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2024-01-08T00:00:00Z");

    final AppConfig config;
    final Topics topics;
    final TopologyTestDriver driver;
    final io.archivesync.processor.batch.BatchDrain drain = new io.archivesync.processor.batch.BatchDrain();
    final TestInputTopic<String, FileSyncRequest> requests;
    final TestInputTopic<String, byte[]> rawRequests;
    final TestOutputTopic<String, CopyBatch> batches;
    final TestOutputTopic<String, CopyBatch> streamingBatches;
    final TestOutputTopic<String, byte[]> deadLetters;
    final TestInputTopic<String, CopyResult> resultsIn;
    final TestInputTopic<String, byte[]> rawResultsIn;
    final TestOutputTopic<String, CopyResult> results;
    final TestOutputTopic<String, EfficiencyAggregate> aggregates;

    TopologyFixture(List<String> overrides) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "kafka.schemaRegistryUrl=mock://topology-" + UUID.randomUUID(),
                "kafka.bootstrapServers=unused:9092",
                "processor.batch.maxRequests=3",
                "processor.batch.maxWait=1s"));
        all.addAll(overrides);
        config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, all);
        topics = Topics.create(config);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.putAll(io.archivesync.processor.ProcessorServiceAccess.streamsConfig(config, topics));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(SyncTopology.build(topics, config.processor(),
                io.archivesync.processor.batch.Routes.of(config), drain), props, START);
        requests = driver.createInputTopic(topics.requests().name(), new StringSerializer(),
                topics.requests().valueSerde().serializer(), START, java.time.Duration.ofMillis(10));
        rawRequests = driver.createInputTopic(topics.requests().name(), new StringSerializer(),
                new ByteArraySerializer(), START, java.time.Duration.ofMillis(10));
        batches = driver.createOutputTopic(topics.serverSideBatches().name(), new StringDeserializer(),
                topics.serverSideBatches().valueSerde().deserializer());
        streamingBatches = driver.createOutputTopic(topics.streamingBatches().name(), new StringDeserializer(),
                topics.streamingBatches().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter().name(), new StringDeserializer(),
                new ByteArrayDeserializer());
        resultsIn = driver.createInputTopic(topics.results().name(), new StringSerializer(),
                topics.results().valueSerde().serializer(), START, java.time.Duration.ofMillis(10));
        rawResultsIn = driver.createInputTopic(topics.results().name(), new StringSerializer(),
                new ByteArraySerializer(), START, java.time.Duration.ofMillis(10));
        results = driver.createOutputTopic(topics.results().name(), new StringDeserializer(),
                topics.results().valueSerde().deserializer());
        aggregates = driver.createOutputTopic(topics.aggregates().name(), new StringDeserializer(),
                topics.aggregates().valueSerde().deserializer());
    }

    static FileSyncRequest request(String bucket, String key, String etag) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder().setUri("s3://data.binance.vision/" + key).build())
                .setDestination(Destination.newBuilder().setBucket(bucket).setKey("mirror/" + key).build())
                .setExpectedEtag(etag)
                .setExpectedSize(100L)
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(START)
                .setAttributes(Map.of())
                .build();
    }

    /** A result as the copier would write it, for {@code request}. */
    static CopyResult result(FileSyncRequest request, CopyOutcome outcome, long bytes, int storageRequests) {
        return CopyResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setSourceUri(request.getSource().getUri())
                .setDestination(request.getDestination())
                .setArchive(ArchiveCoordinates.newBuilder().setMarket("spot").setFrequency("daily")
                        .setDataType("klines").setSymbol("BTCUSDT").setInterval("1m").setDate("2024-01-01").build())
                .setOutcome(outcome)
                .setMethod(outcome == CopyOutcome.COPIED ? CopyMethod.SERVER_SIDE : CopyMethod.NONE)
                .setMethodReason("test")
                .setBytes(bytes)
                .setStorageRequests(storageRequests)
                .setDurationMillis(100)
                .setSourceEtag(request.getExpectedEtag())
                .setSourceSize(request.getExpectedSize())
                .setCompletedAt(START)
                .build();
    }

    void publishResult(CopyResult result) {
        resultsIn.pipeInput(result.getDestination().getBucket() + "/" + result.getDestination().getKey(), result);
    }

    void send(FileSyncRequest request) {
        requests.pipeInput(request.getDestination().getBucket() + "/" + request.getDestination().getKey(), request);
    }

    @Override
    public void close() {
        driver.close();
    }
}
