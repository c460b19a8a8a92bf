package io.archivesync.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.bridge.event.Notifications;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** The bridge between a real SQS API (ElasticMQ) and a real broker. */
@ExtendWith(StackExtension.class)
class SqsBridgeIT {

    private static final String KLINES = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip";

    @Test
    void shouldPublishARequestPerCreatedObjectAndDeleteTheMessages(Stack stack) {
        try (BridgeFixture f = new BridgeFixture(stack)) {
            // Given created objects (one key with a space and non-ASCII characters), a test event, an object no rule
            // covers and a removal while deletes do not propagate
            f.send(Notifications.createdMany(BridgeFixture.SOURCE_BUCKET, 42, "etag-1", KLINES,
                    "uploads/r%C3%A9sum%C3%A9+final+%2B1.zip"));
            f.send(Notifications.testEvent(BridgeFixture.SOURCE_BUCKET));
            f.send(Notifications.created("ObjectCreated:Put", BridgeFixture.SOURCE_BUCKET, "tmp/x.zip", 1, "e"));
            f.send(Notifications.removed(BridgeFixture.SOURCE_BUCKET, KLINES));

            // When the bridge runs until the queue is empty
            try (SqsBridgeService bridge = SqsBridgeService.start(f.config)) {
                // (the counter is updated just after SQS confirms the deletes, so wait for both)
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> f.messagesOn(f.queueUrl) == 0 && bridge.stats().deleted() >= 4);

                // Then two requests, nothing malformed, every message deleted
                assertThat(bridge.stats().published()).isEqualTo(2);
                assertThat(bridge.stats().deleted()).isEqualTo(4);
                assertThat(bridge.stats().malformed()).isZero();
            }
            List<ConsumerRecord<String, FileSyncRequest>> requests = f.requests();
            assertThat(requests).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    "mirror/binance/" + KLINES, "mirror/inbox/résumé final +1.zip");
            FileSyncRequest klines = requests.stream().filter(r -> r.key().endsWith(".zip") && r.key()
                    .contains("BTCUSDT")).findFirst().orElseThrow().value();
            assertThat(klines.getSource().getUri()).isEqualTo("s3://" + BridgeFixture.SOURCE_BUCKET + "/" + KLINES);
            assertThat(klines.getExpectedSize()).isEqualTo(42L);
            assertThat(klines.getExpectedEtag()).isEqualTo("etag-1");
            assertThat(klines.getOrigin()).isEqualTo(RequestOrigin.SQS);
            assertThat(f.messagesOn(f.dlqUrl)).isZero();
        }
    }

    @Test
    void shouldLeaveAMalformedMessageToTheQueueUntilRedriveMovesItToTheDeadLetterQueue(Stack stack) {
        try (BridgeFixture f = new BridgeFixture(stack)) {
            // Given a message that is not an S3 notification; the queue redrives after 2 receives
            f.send("{\"Records\": \"not a list\"}");

            // When the bridge runs
            try (SqsBridgeService bridge = SqsBridgeService.start(f.config)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> f.messagesOn(f.dlqUrl) == 1);

                // Then it was received at most maxReceiveCount times, never deleted, and published nothing
                assertThat(bridge.stats().malformed()).isBetween(1L, 2L);
                assertThat(bridge.stats().deleted()).isZero();
            }
            List<Message> dead = f.sqs.receiveMessage(b -> b.queueUrl(f.dlqUrl).waitTimeSeconds(1)).messages();
            assertThat(dead).extracting(Message::body).containsExactly("{\"Records\": \"not a list\"}");
            assertThat(f.messagesOn(f.queueUrl)).isZero();
            assertThat(f.requests()).isEmpty();
        }
    }

    @Test
    void shouldLoseNothingWhenKilledBetweenPublishingAndDeleting(Stack stack) {
        try (BridgeFixture f = new BridgeFixture(stack)) {
            // Given a notification, and a first bridge that dies after Kafka acknowledged but before it deleted
            f.send(Notifications.created("ObjectCreated:Put", BridgeFixture.SOURCE_BUCKET, KLINES, 42, "etag-1"));
            Map<String, Object> producerConfig = f.config.kafka().clientConfig();
            producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            try (KafkaProducer<String, FileSyncRequest> producer = new KafkaProducer<>(producerConfig,
                    f.topics.requests().keySerde().serializer(), f.topics.requests().valueSerde().serializer())) {
                SqsBridge doomed = new SqsBridge(f.sqs, producer, f.topics.requests().name(), f.config.bridge(),
                        new EventRequests(f.config.bridge(), "us-east-1", Clock.systemUTC()), messages -> {
                            throw new IllegalStateException("killed before deleting " + messages.size());
                        });
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    try {
                        doomed.pollOnce();
                    } catch (IllegalStateException killed) {
                        // the process ends here: published, acknowledged by Kafka, not deleted
                    }
                    return doomed.stats().published() == 1;
                });
            }

            // When a new bridge starts, the message comes back after its visibility timeout
            try (SqsBridgeService bridge = SqsBridgeService.start(f.config)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> f.messagesOn(f.queueUrl) == 0 && bridge.stats().deleted() >= 1);
                assertThat(bridge.stats().deleted()).isEqualTo(1);
            }

            // Then the request was published twice, identical where the processor's dedup looks: Kafka key,
            // destination, source URI and version (ETag), and even the request id
            List<ConsumerRecord<String, FileSyncRequest>> requests = f.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests).extracting(ConsumerRecord::key).containsOnly("mirror/binance/" + KLINES);
            FileSyncRequest first = requests.get(0).value();
            FileSyncRequest second = requests.get(1).value();
            assertThat(second.getDestination()).isEqualTo(first.getDestination());
            assertThat(second.getSource()).isEqualTo(first.getSource());
            assertThat(second.getExpectedEtag()).isEqualTo(first.getExpectedEtag()).isEqualTo("etag-1");
            assertThat(second.getExpectedSize()).isEqualTo(first.getExpectedSize());
            assertThat(second.getRequestId()).isEqualTo(first.getRequestId());
            assertThat(f.messagesOn(f.dlqUrl)).isZero();
        }
    }

    @Test
    void shouldPublishRemovalsMarkedAsDeletesWhenTheyPropagate(Stack stack) {
        try (BridgeFixture f = new BridgeFixture(stack, "bridge.propagateDeletes=true")) {
            // Given a removal
            f.send(Notifications.removed(BridgeFixture.SOURCE_BUCKET, KLINES));

            // When
            try (SqsBridgeService bridge = SqsBridgeService.start(f.config)) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> f.messagesOn(f.queueUrl) == 0 && bridge.stats().deleted() >= 1);
                assertThat(bridge.stats().published()).isEqualTo(1);
            }

            // Then
            assertThat(f.requests()).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("mirror/binance/" + KLINES);
                assertThat(r.value().getAttributes())
                        .containsEntry(EventRequests.ACTION_ATTRIBUTE, EventRequests.ACTION_DELETE);
            });
        }
    }
}
