package io.archivesync.processor.errors;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the typed sources (the results topic): an outage of the registry fails the task, so the record is read
 * again after the thread is replaced; a genuinely unreadable result is logged and skipped.
 *
 * <p>Why skipped and not dead-lettered: the dead-letter topic holds requests, with our headers, for an operator to
 * replay; a result in it would be replayed as a request. A lost result costs at most one needless copy of an
 * object already mirrored. Requests are read as bytes and dead-lettered by the validator, never here.
 */
public final class DeserializationFaultHandler implements DeserializationExceptionHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(DeserializationFaultHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (Faults.isInfrastructure(exception)) {
            LOGGER.error("cannot deserialize for now, failing the task to read it again topic={} partition={} "
                    + "offset={} error={}", record.topic(), record.partition(), record.offset(), exception.toString());
            return Response.fail();
        }
        LOGGER.warn("unreadable record skipped topic={} partition={} offset={} error={}", record.topic(),
                record.partition(), record.offset(), exception.toString());
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
