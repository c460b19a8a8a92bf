package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.DeadLetterHeaders;
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
 */
public final class ValidateRequestProcessor implements FixedKeyProcessor<String, byte[], ValidatedRequest> {

    private static final Logger LOGGER = LoggerFactory.getLogger(ValidateRequestProcessor.class);

    private final String topic;
    private final Deserializer<FileSyncRequest> deserializer;
    private final RequestValidator validator;
    private FixedKeyProcessorContext<String, ValidatedRequest> context;

    public ValidateRequestProcessor(String topic, Deserializer<FileSyncRequest> deserializer,
                                    RequestValidator validator) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ValidatedRequest> context) {
        this.context = context;
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
            request = deserializer.deserialize(topic, record.headers(), raw);
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
        LOGGER.warn("request refused key={} kind={} reason={}", record.key(), invalid.kind(), invalid.reason());
        Headers headers = record.headers();
        context.recordMetadata().ifPresentOrElse(
                m -> DeadLetterHeaders.write(headers, invalid.kind(), invalid.reason(), m.topic(), m.partition(),
                        m.offset()),
                () -> DeadLetterHeaders.write(headers, invalid.kind(), invalid.reason(), topic, -1, -1));
        context.forward(record.withValue(invalid).withHeaders(headers));
    }
}
