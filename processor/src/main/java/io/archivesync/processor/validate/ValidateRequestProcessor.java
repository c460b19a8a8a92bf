package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.processor.errors.Backoff;
import io.archivesync.processor.errors.TransientFaultException;
import io.archivesync.processor.errors.TransientRetry;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each request's bytes with the requests topic's own serde and applies {@link RequestValidator}. A request
 * that cannot be parsed or breaks a rule is passed on as invalid, with the reason in dead-letter headers: the stream
 * thread never dies of bad input and nothing is dropped silently.
 *
 * <p>Only the record's own faults are dead-lettered (bad magic byte, an id the registry says it does not know,
 * undecodable Avro). A registry that cannot answer is retried in place for a moment, then a
 * {@link TransientFaultException} fails the task: exactly-once aborts the transaction and the record is read again,
 * so a valid request is never dead-lettered for an outage.
 */
public final class ValidateRequestProcessor implements FixedKeyProcessor<String, byte[], ValidatedRequest> {

    private static final Logger LOGGER = LoggerFactory.getLogger(ValidateRequestProcessor.class);

    private final String topic;
    private final Deserializer<FileSyncRequest> deserializer;
    private final RequestValidator validator;
    private final TransientRetry retry;
    private FixedKeyProcessorContext<String, ValidatedRequest> context;
    private DeadLetterCounter deadLetters = DeadLetterCounter.NONE;

    public ValidateRequestProcessor(String topic, Deserializer<FileSyncRequest> deserializer,
                                    RequestValidator validator) {
        this(topic, deserializer, validator, Backoff.IN_STREAM_THREAD);
    }

    /** With {@code backoff} for the in-place retries through a registry outage. */
    public ValidateRequestProcessor(String topic, Deserializer<FileSyncRequest> deserializer,
                                    RequestValidator validator, Backoff backoff) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.validator = validator;
        this.retry = new TransientRetry(backoff);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ValidatedRequest> context) {
        this.context = context;
        this.deadLetters = DeadLetterCounter.from(context.appConfigs());
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        byte[] raw = record.value();
        if (raw == null) {
            refuse(record, ValidatedRequest.invalid(null, "DESERIALIZATION", "the record has no value"));
            return;
        }
        FileSyncRequest request;
        try {
            request = retry.call("read a request", () -> deserializer.deserialize(topic, record.headers(), raw));
        } catch (TransientFaultException e) {
            throw e;
        } catch (RuntimeException e) {
            refuse(record, ValidatedRequest.invalid(raw, "DESERIALIZATION",
                    "cannot parse the request: " + e.getMessage()));
            return;
        }
        if (request == null) {
            refuse(record, ValidatedRequest.invalid(raw, "DESERIALIZATION", "the record has no value"));
            return;
        }
        Optional<String> problem = validator.validate(request);
        if (problem.isPresent()) {
            refuse(record, ValidatedRequest.invalid(raw, "VALIDATION", problem.get()));
            return;
        }
        context.forward(record.withValue(ValidatedRequest.valid(request, raw)));
    }

    private void refuse(FixedKeyRecord<String, byte[]> record, ValidatedRequest invalid) {
        LOGGER.warn("request refused key={} kind={} reason={}", LogSafe.escape(record.key()), invalid.kind(),
                LogSafe.escape(invalid.reason()));
        Headers headers = record.headers();
        context.recordMetadata().ifPresentOrElse(
                m -> DeadLetterHeaders.write(headers, invalid.kind(), invalid.reason(), m.topic(), m.partition(),
                        m.offset()),
                () -> DeadLetterHeaders.write(headers, invalid.kind(), invalid.reason(), topic, -1, -1));
        context.forward(record.withValue(invalid).withHeaders(headers));
        deadLetters.count(invalid.kind());
    }
}
