package io.archivesync.processor.errors;

import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.topic.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor threw: an infrastructure fault fails the task (exactly-once replays the record, nothing skipped), and
 * so does any fault in what a punctuation forwarded (there is no record to skip); otherwise a request (read from
 * {@link #REQUEST_TOPICS}) goes to the requests' dead-letter topic with its original bytes and our headers, and
 * anything else (a result) is logged and skipped, never dead-lettered as a request.
 */
public final class ProcessingFaultHandler implements ProcessingExceptionHandler {

    /** Comma-separated topics whose records are requests: the requests topic and its repartition topic. */
    public static final String REQUEST_TOPICS = "archive-sync.errors.request.topics";
    /** The requests' dead-letter topic. */
    public static final String DEAD_LETTER_TOPIC = "archive-sync.errors.dead.letter.topic";
    static final String KIND = "PROCESSING";

    private static final Logger LOGGER = LoggerFactory.getLogger(ProcessingFaultHandler.class);

    private Set<String> requestTopics = Set.of();
    private String deadLetterTopic;
    private DeadLetterCounter deadLetters = DeadLetterCounter.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topics = configs.get(REQUEST_TOPICS);
        requestTopics = topics == null ? Set.of() : Set.of(topics.toString().split(","));
        Object dlq = configs.get(DEAD_LETTER_TOPIC);
        deadLetterTopic = dlq == null ? null : dlq.toString();
        deadLetters = DeadLetterCounter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (Faults.isInfrastructure(exception)) {
            LOGGER.error("infrastructure fault, failing the task to process it again topic={} partition={} offset={} "
                    + "node={} error={}", context.topic(), context.partition(), context.offset(),
                    context.processorNodeId(), exception.toString());
            return Response.fail();
        }
        if (context.topic() == null) {
            // A punctuation forwarded it (the batch flush): no source record to skip or dead-letter, and resuming
            // would commit the flush's store deletions without its batch, losing every request in it.
            LOGGER.error("processing failed in a punctuation, failing the task to run it again taskId={} node={} "
                    + "error={}", context.taskId(), context.processorNodeId(), exception.toString());
            return Response.fail();
        }
        if (deadLetterTopic == null || !requestTopics.contains(context.topic())) {
            LOGGER.warn("record skipped after a processing error topic={} partition={} offset={} node={} error={}",
                    context.topic(), context.partition(), context.offset(), context.processorNodeId(),
                    exception.toString());
            return Response.resume();
        }
        LOGGER.warn("request dead-lettered after a processing error topic={} partition={} offset={} node={} error={}",
                context.topic(), context.partition(), context.offset(), context.processorNodeId(),
                exception.toString());
        RecordHeaders headers = new RecordHeaders(context.headers().toArray());
        DeadLetterHeaders.write(headers, KIND, "processing failed at " + context.processorNodeId() + ": "
                + exception, context.topic(), context.partition(), context.offset());
        deadLetters.count(KIND);
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, context.sourceRawKey(),
                context.sourceRawValue(), headers)));
    }
}
