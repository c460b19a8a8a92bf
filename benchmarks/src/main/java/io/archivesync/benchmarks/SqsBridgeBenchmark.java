package io.archivesync.benchmarks;

import io.archivesync.bridge.SqsBridgeService;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.embedded.EmbeddedSqs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS bridge's rate on ElasticMQ with an embedded KRaft broker: a queue filled with N one-record S3
 * notifications, drained by a bridge with 1 and with 4 pollers (each: receive 10, publish, wait for Kafka's acks,
 * delete batch). The reference,
 * alternating with it on the same servers, is a plain loop that only receives 10 and deletes them: the ceiling the
 * queue's round trips put on any single-threaded consumer.
 *
 * <p>Usage: {@code benchmarks/run.sh SqsBridgeBenchmark -- --messages 5000}
 */
public final class SqsBridgeBenchmark {

    private static final String BUCKET = "bench-src";

    private SqsBridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 1 && args[0].equals("--messages") ? Integer.parseInt(args[1]) : 5000;
        try (EmbeddedSqs sqsServer = EmbeddedSqs.start(); EmbeddedKafka kafka = EmbeddedKafka.start();
             SqsClient sqs = sqsServer.newClient()) {
            for (int round = 1; round <= 3; round++) {
                String refQueue = sqs.createQueue(b -> b.queueName("reference-" + System.nanoTime())).queueUrl();
                fill(sqs, refQueue, messages);
                long t0 = System.nanoTime();
                long drained = plainReceiveDelete(sqs, refQueue, messages);
                double reference = (System.nanoTime() - t0) / 1e9;

                System.out.printf(Locale.ROOT, "round %d: plain receive+delete loop %,d messages in %.2f s = %,.0f "
                        + "msg/s%n", round, drained, reference, drained / reference);
                for (int pollers : new int[] {1, 4}) {
                    String queue = sqs.createQueue(b -> b.queueName("bridge-" + System.nanoTime())).queueUrl();
                    fill(sqs, queue, messages);
                    AppConfig config = config(kafka, sqsServer, queue, round, pollers);
                    long t1 = System.nanoTime();
                    long published;
                    double seconds;
                    try (SqsBridgeService bridge = SqsBridgeService.start(config)) {
                        while (bridge.stats().deleted() < messages) {
                            Thread.sleep(5);
                        }
                        seconds = (System.nanoTime() - t1) / 1e9;
                        published = bridge.stats().published();
                    }
                    System.out.printf(Locale.ROOT, "round %d: bridge, %d poller(s): %,d messages -> %,d requests in "
                                    + "%.2f s = %,.0f msg/s (incl. start-up) | vs plain loop %.2fx%n", round,
                            pollers, messages, published, seconds, messages / seconds, (messages / seconds)
                                    / (drained / reference));
                }
            }
            System.out.printf(Locale.ROOT, "process peak RSS %s (ElasticMQ, the broker and the bridge in one JVM)%n",
                    ProcessMemory.mib(ProcessMemory.peakRssKib()));
        }
    }

    private static AppConfig config(EmbeddedKafka kafka, EmbeddedSqs sqs, String queueUrl, int round,
                                    int pollers) {
        return new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "kafka.bootstrapServers=" + kafka.bootstrapServers(),
                "kafka.schemaRegistryUrl=mock://bridge-benchmark",
                "topics.prefix=bench" + round + "-" + pollers + ".", "topics.partitions=6",
                "s3.accessKey=x", "s3.secretKey=y",
                "bridge.queueUrl=" + queueUrl, "bridge.endpoint=" + sqs.endpoint(), "bridge.region=us-east-1",
                "bridge.statusPort=-1", "bridge.waitTime=1s", "bridge.maxMessages=10", "bridge.pollers=" + pollers,
                "bridge.rules=[{bucket: " + BUCKET + ", prefix: 'data/', destinationBucket: mirror,"
                        + " destinationPrefix: 'binance/data/'}]"));
    }

    private static void fill(SqsClient sqs, String queueUrl, int messages) {
        for (int i = 0; i < messages; i += 10) {
            List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
            for (int j = i; j < Math.min(messages, i + 10); j++) {
                batch.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(notification(j)).build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
        }
    }

    private static long plainReceiveDelete(SqsClient sqs, String queueUrl, int messages) {
        long deleted = 0;
        while (deleted < messages) {
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (received.isEmpty()) {
                continue;
            }
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < received.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(received.get(i).receiptHandle()).build());
            }
            deleted += sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).successful().size();
        }
        return deleted;
    }

    private static String notification(int i) {
        String day = java.time.LocalDate.of(2020, 1, 1).plusDays(i % 1500).toString();
        String key = "data/spot/daily/klines/SYM" + (i / 1500) + "USDT/1m/SYM" + (i / 1500) + "USDT-1m-" + day + ".zip";
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2024-01-02T00:10:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + BUCKET + "\"},"
                + "\"object\":{\"key\":\"" + key + "\",\"size\":61234,\"eTag\":\"d41d8cd98f00b204e9800998ecf8427e\","
                + "\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
    }
}
