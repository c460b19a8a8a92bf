package io.archivesync.bridge;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes messages whose requests Kafka has acknowledged. An interface so that a test can stand for a bridge that
 * dies between publishing and deleting.
 */
@FunctionalInterface
public interface MessageAcknowledger {

    /** Deletes the messages; returns how many SQS confirmed. */
    int delete(List<Message> messages);

    /** Deletes with one DeleteMessageBatch call (at most 10 messages, as one receive returns). */
    static MessageAcknowledger sqs(SqsClient sqs, String queueUrl) {
        Logger logger = LoggerFactory.getLogger(MessageAcknowledger.class);
        return messages -> {
            if (messages.isEmpty()) {
                return 0;
            }
            List<DeleteMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(messages.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(f -> logger.warn(
                    "SQS did not delete a message messageId={} code={} reason={} (it will be redelivered)",
                    messages.get(Integer.parseInt(f.id())).messageId(), f.code(), f.message()));
            return response.successful().size();
        };
    }
}
