package io.archivesync.sink;

import io.archivesync.avro.CopyBatch;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.core.topic.Topic;
import io.archivesync.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one poll's copy batches. A record that is itself broken goes to the dead-letter topic with the reason; a
 * registry that cannot be reached is nobody's record's fault, so the whole poll is read again later, with a backoff
 * that grows while the outage lasts (bounded).
 */
final class BatchReader {

    /** The dead-letter kind of an unreadable batch. */
    static final String KIND = "DESERIALIZATION";
    private static final Logger LOGGER = LoggerFactory.getLogger(BatchReader.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * @param batches             the readable batches, in order
     * @param deadLetters         dead-letter records for the unreadable ones
     * @param infrastructureFault set when the poll must be read again later; then the rest is empty
     */
    record Read(List<CopyBatch> batches, List<ProducerRecord<String, byte[]>> deadLetters,
                String infrastructureFault) {
    }

    private final Map<String, Topic<String, CopyBatch>> batchTopics;
    private final Topic<String, byte[]> deadLetter;
    private Duration backoff = FIRST_BACKOFF;

    BatchReader(Map<String, Topic<String, CopyBatch>> batchTopics, Topic<String, byte[]> deadLetter) {
        this.batchTopics = batchTopics;
        this.deadLetter = deadLetter;
    }

    Read read(ConsumerRecords<String, byte[]> records) {
        List<CopyBatch> batches = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batches.add(batchTopics.get(record.topic()).valueSerde().deserializer()
                        .deserialize(record.topic(), record.headers(), record.value()));
            } catch (RuntimeException e) {
                SchemaRegistryException outage = registryOutage(e);
                if (outage != null) {
                    return new Read(List.of(), List.of(), outage.getMessage());
                }
                LOGGER.error("unreadable batch sent to dead letter topic={} partition={} offset={} error={}",
                        record.topic(), record.partition(), record.offset(), LogSafe.escape(e.toString()));
                dead.add(deadLetter(record, e));
            }
        }
        return new Read(batches, dead, null);
    }

    /** The pause before reading again after an outage; it doubles each time, up to 30 s. */
    Duration backoff() {
        Duration now = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return now;
    }

    /** The infrastructure answers again: the next outage starts from the first backoff. */
    void recovered() {
        backoff = FIRST_BACKOFF;
    }

    /** The registry failure behind an exception, when trying again later may succeed; else null. */
    static SchemaRegistryException registryOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException sre && sre.isRetriable()) {
                return sre;
            }
        }
        return null;
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception e) {
        ProducerRecord<String, byte[]> dlq = new ProducerRecord<>(deadLetter.name(), record.key(), record.value());
        DeadLetterHeaders.write(dlq.headers(), KIND, "cannot read copy batch: " + e.getMessage(),
                record.topic(), record.partition(), record.offset());
        return dlq;
    }
}
