package io.archivesync.processor.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.schemas.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Results-topic trouble never reaches the requests' dead-letter topic, and an outage never dead-letters at all. */
class ProcessingFaultHandlerTest {

    private final ProcessingFaultHandler handler = new ProcessingFaultHandler();

    ProcessingFaultHandlerTest() {
        handler.configure(Map.of(ProcessingFaultHandler.REQUEST_TOPICS, "requests,app-requests-by-destination-repartition",
                ProcessingFaultHandler.DEAD_LETTER_TOPIC, "requests-dlq"));
    }

    @Test
    void shouldFailTheTaskOnARegistryOutage() {
        // Given a request whose processing hit an unreachable registry
        Exception outage = new SerializationException("wrapped", new SchemaRegistryException("down",
                SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE));

        // When handled / Then the task fails (to replay the record), and nothing is dead-lettered
        ProcessingExceptionHandler.Response response = handler.handleError(context("requests"), record(), outage);
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldSkipAResultWithoutWritingItToTheRequestsDeadLetterTopic() {
        // Given a result that broke a processor / When handled / Then it is skipped, and written nowhere
        ProcessingExceptionHandler.Response response = handler.handleError(context("results"), record(),
                new IllegalStateException("bad result"));
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldDeadLetterARequestWithItsOriginalBytesAndOurHeaders() {
        // Given a request that broke a processor / When handled
        ProcessingExceptionHandler.Response response = handler.handleError(context("requests"), record(),
                new IllegalStateException("bug"));

        // Then it goes to the requests' dead-letter topic, as it arrived, with the reason in our headers
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo("requests-dlq");
            assertThat(dead.value()).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.KIND).value(), StandardCharsets.UTF_8))
                    .isEqualTo(ProcessingFaultHandler.KIND);
        });
    }

    @Test
    void shouldFailTheTaskWhenAPunctuationsForwardFails() {
        // Given an error in what a punctuation (the batch flush) forwarded: no source record, so no topic
        // When handled
        ProcessingExceptionHandler.Response response = handler.handleError(context(null), record(),
                new IllegalStateException("too large to send"));

        // Then the task fails, so that exactly-once replays the flush; nothing is skipped or dead-lettered
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static Record<String, String> record() {
        return new Record<>("k", "v", 0L);
    }

    private static ErrorHandlerContext context(String topic) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 7;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "node";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return "k".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return "raw".getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
