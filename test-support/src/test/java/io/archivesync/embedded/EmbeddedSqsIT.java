package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class EmbeddedSqsIT {

    @Test
    void shouldSendReceiveAndDeleteAMessage() {
        try (EmbeddedSqs sqs = EmbeddedSqs.start(); SqsClient client = sqs.newClient()) {
            // Given a queue
            String queueUrl = client.createQueue(b -> b.queueName("copy-requests")).queueUrl();

            // When a message is sent and received
            client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"key\":\"data/a.zip\"}"));
            List<Message> received = client.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)).messages();

            // Then it arrives intact, and once deleted the queue is empty
            assertThat(received).extracting(Message::body).containsExactly("{\"key\":\"data/a.zip\"}");
            client.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
            assertThat(client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("All"))
                    .attributesAsStrings())
                    .containsEntry("ApproximateNumberOfMessages", "0")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
        }
    }

    @Test
    void shouldTerminateItsActorSystemOnClose() {
        // Given a server that was started and used
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        EmbeddedSqs sqs = EmbeddedSqs.start();
        try (SqsClient client = sqs.newClient()) {
            client.listQueues();
        }

        // When it is closed, then none of its actor system's threads is left
        sqs.close();
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Thread.getAllStackTraces().keySet())
                        .filteredOn(thread -> !before.contains(thread) && thread.isAlive())
                        .extracting(Thread::getName)
                        .filteredOn(name -> name.startsWith("archive-sync-sqs"))
                        .isEmpty());
    }
}
