package io.archivesync.bridge;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.bridge.event.MalformedNotificationException;
import io.archivesync.bridge.event.S3EventParser;
import io.archivesync.bridge.event.S3Notification;
import io.archivesync.core.config.BridgeSettings;
import io.archivesync.schemas.key.RecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * One receive at a time: long-poll the queue, publish a request per event record worth mirroring, wait for Kafka's
 * acknowledgements, then delete the messages whose requests were all acknowledged.
 *
 * <p>The order is the guarantee: a message is deleted only after Kafka holds its requests, so a bridge that dies at
 * any point loses nothing; at worst SQS redelivers the message after its visibility timeout and the bridge publishes
 * the same request again, which the processor's dedup drops. A message that cannot be read is never deleted: the
 * queue's redrive policy moves it to the dead-letter queue after {@code maxReceiveCount} receives.
 *
 * <p>Thread-safe: several pollers may call {@link #pollOnce()} at once (state is per call; the clients, the parser
 * and the counters are safe to share).
 */
public final class SqsBridge {

    private static final Logger LOGGER = LoggerFactory.getLogger(SqsBridge.class);

    private final SqsClient sqs;
    private final Producer<String, FileSyncRequest> producer;
    private final String topic;
    private final BridgeSettings settings;
    private final String queueUrl;
    private final EventRequests requests;
    private final MessageAcknowledger acknowledger;
    private final S3EventParser parser = new S3EventParser();
    private final BridgeStats stats = new BridgeStats();

    /** A message and the sends of its requests. */
    private record InFlight(Message message, List<Future<RecordMetadata>> sends) {
    }

    public SqsBridge(SqsClient sqs, Producer<String, FileSyncRequest> producer, String topic, BridgeSettings settings,
                     EventRequests requests, MessageAcknowledger acknowledger) {
        this.sqs = sqs;
        this.producer = producer;
        this.topic = topic;
        this.settings = settings;
        this.queueUrl = settings.requireQueueUrl();
        this.requests = requests;
        this.acknowledger = acknowledger;
    }

    public BridgeStats stats() {
        return stats;
    }

    /** One long poll and everything it returned, handled. Returns how many messages were received. */
    public int pollOnce() {
        ReceiveMessageRequest.Builder receive = ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(settings.maxMessages())
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        if (settings.visibilityTimeout() != null) {
            receive.visibilityTimeout((int) settings.visibilityTimeout().toSeconds());
        }
        List<Message> messages = sqs.receiveMessage(receive.build()).messages();
        stats.received.add(messages.size());
        List<Message> done = new ArrayList<>();
        List<InFlight> inFlight = new ArrayList<>();
        for (Message message : messages) {
            handle(message, done, inFlight);
        }
        if (!inFlight.isEmpty()) {
            producer.flush();
        }
        for (InFlight f : inFlight) {
            if (acknowledged(f)) {
                done.add(f.message());
            }
        }
        stats.deleted.add(acknowledger.delete(done));
        return messages.size();
    }

    private void handle(Message message, List<Message> done, List<InFlight> inFlight) {
        S3Notification notification;
        try {
            notification = parser.parse(message.body());
        } catch (MalformedNotificationException e) {
            stats.malformed.increment();
            LOGGER.warn("malformed notification left for the dead-letter queue messageId={} receiveCount={} reason={}",
                    message.messageId(), message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
                    e.getMessage());
            return;
        }
        if (notification instanceof S3Notification.TestEvent test) {
            LOGGER.info("s3:TestEvent ignored messageId={} bucket={}", message.messageId(), test.bucket());
            stats.ignoredRecords.increment();
            done.add(message);
            return;
        }
        var records = ((S3Notification.Records) notification).records();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Optional<FileSyncRequest> request = requests.toRequest(records.get(i), message.messageId(), i);
            if (request.isEmpty()) {
                stats.ignoredRecords.increment();
                LOGGER.debug("event ignored messageId={} event={} bucket={} key={}", message.messageId(),
                        records.get(i).eventName(), records.get(i).bucket(), records.get(i).key());
                continue;
            }
            sends.add(producer.send(new ProducerRecord<>(topic, RecordKey.of(request.get()),
                    request.get())));
        }
        if (sends.isEmpty()) {
            done.add(message);
        } else {
            inFlight.add(new InFlight(message, sends));
        }
    }

    private boolean acknowledged(InFlight f) {
        try {
            for (Future<RecordMetadata> send : f.sends()) {
                send.get();
            }
            stats.published.add(f.sends().size());
            return true;
        } catch (ExecutionException e) {
            stats.publishFailures.increment();
            LOGGER.error("Kafka refused a request; message kept for redelivery messageId={} error={}",
                    f.message().messageId(), e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
