package io.archivesync.bridge;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue (with a dead-letter queue after two receives) and a topic prefix of its own on the shared stack, the
 * configuration a bridge would run with, and a reader of the requests topic.
 */
final class BridgeFixture implements AutoCloseable {

    static final String SOURCE_BUCKET = "events-src";

    final SqsClient sqs;
    final String queueUrl;
    final String dlqUrl;
    final AppConfig config;
    final Topics topics;

    BridgeFixture(Stack stack, String... overrides) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI endpoint = stack.sqsEndpoint();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        dlqUrl = sqs.createQueue(b -> b.queueName("dlq-" + run)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName("events-" + run).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        List<String> o = new ArrayList<>(List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=mock://bridge-" + run,
                "topics.prefix=bridge-" + run + ".",
                "topics.partitions=2",
                "s3.accessKey=x",
                "s3.secretKey=y",
                "bridge.queueUrl=" + queueUrl,
                "bridge.statusPort=0",
                "bridge.endpoint=" + endpoint,
                "bridge.region=us-east-1",
                "bridge.waitTime=1s",
                "bridge.rules=[{bucket: " + SOURCE_BUCKET + ", prefix: 'data/', destinationBucket: mirror,"
                        + " destinationPrefix: 'binance/data/'}, {bucket: " + SOURCE_BUCKET + ", prefix: 'uploads/',"
                        + " destinationBucket: mirror, destinationPrefix: 'inbox/'}]"));
        o.addAll(List.of(overrides));
        config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, o);
        topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
    }

    void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /** Messages visible or in flight on a queue. */
    int messagesOn(String url) {
        Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All"))
                .attributesAsStrings();
        return Integer.parseInt(a.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
    }

    /** Every request on the topic so far, read from the beginning. */
    List<ConsumerRecord<String, FileSyncRequest>> requests() {
        try (KafkaConsumer<String, FileSyncRequest> consumer = new KafkaConsumer<>(config.kafka().clientConfig(),
                new StringDeserializer(), topics.requests().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.requests().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, FileSyncRequest>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}
