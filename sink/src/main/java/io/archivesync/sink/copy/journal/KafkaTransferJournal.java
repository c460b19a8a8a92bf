package io.archivesync.sink.copy.journal;

import io.archivesync.core.topic.Topic;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.transfer.Checkpoint;
import io.archivesync.storage.transfer.TransferJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copier's {@link TransferJournal}: the last checkpoint of each unfinished streamed write on the compacted
 * {@code transfers} topic, keyed by the destination URL, {@link #done} a tombstone. It keeps the topic's live keys in
 * memory (one per unfinished write, so few), read to the end when it {@link #open}s.
 *
 * <p><b>Durable before the next part.</b> {@link #progress} returns once the broker acknowledged the checkpoint
 * ({@code acks=all}): a part is 5 MiB or more, so one round trip per part costs little, and a copier killed after
 * any part finds every earlier part on restart. When Kafka cannot take it, {@code progress} throws and the transfer
 * fails as a failure that may pass.
 *
 * <p><b>Several copiers.</b> They share the topic, and the last writer of a key wins: a destination is copied by one
 * copier at a time, since the processor lets no repeat of an in-flight request through (two versions of one source in
 * flight at once cost a retry, see docs/storage.md). The copy after a crash usually runs on another copier that has
 * been up all along, so {@link #find} first reads what others wrote since (to the topic's current end, one offsets
 * request) before it answers; if Kafka does not answer it answers from memory, and the worst case is a transfer that
 * starts over.
 */
public final class KafkaTransferJournal implements TransferJournal, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaTransferJournal.class);
    /** How long reading the topic to its end may take. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Topic<String, byte[]> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Clock clock;
    private final List<TopicPartition> partitions;
    private final Map<String, CheckpointJson.Recorded> live = new ConcurrentHashMap<>();
    /** Held while the consumer reads, which is not thread-safe. */
    private final Object reading = new Object();

    private KafkaTransferJournal(Topic<String, byte[]> topic, KafkaConsumer<String, byte[]> consumer,
                                 KafkaProducer<String, byte[]> producer, Clock clock,
                                 List<TopicPartition> partitions) {
        this.topic = topic;
        this.consumer = consumer;
        this.producer = producer;
        this.clock = clock;
        this.partitions = partitions;
    }

    /**
     * Opens the journal and reads the topic to its end.
     *
     * @param clientConfig the copier's Kafka settings ({@code kafka.bootstrapServers}, {@code kafka.properties})
     * @param topic        the transfers topic, which must exist ({@code TopicAdmin.ensureTopics})
     * @param clock        when checkpoints are recorded
     */
    public static KafkaTransferJournal open(Map<String, Object> clientConfig, Topic<String, byte[]> topic,
                                            Clock clock) {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        KafkaProducer<String, byte[]> producer = null;
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist: the copier keeps the "
                        + "progress of streamed writes there; create it compacted, or set topics.create=true");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            producer = new KafkaProducer<>(producerConfig, topic.keySerde().serializer(),
                    topic.valueSerde().serializer());
            KafkaTransferJournal journal = new KafkaTransferJournal(topic, consumer, producer, clock, partitions);
            journal.catchUp();
            LOGGER.info("transfer journal read topic={} unfinishedWrites={}", topic.name(), journal.live.size());
            return journal;
        } catch (RuntimeException e) {
            consumer.close();
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            throw e;
        }
    }

    @Override
    public Optional<Checkpoint> find(BlobRef destination) {
        synchronized (reading) {
            try {
                catchUp();
            } catch (RuntimeException e) {
                LOGGER.warn("could not read the transfers topic to its end; answering from what was read "
                        + "destination={} error={}", destination, e.toString());
            }
        }
        return Optional.ofNullable(live.get(destination.url())).map(CheckpointJson.Recorded::checkpoint);
    }

    @Override
    public void progress(Checkpoint checkpoint) {
        Instant now = clock.instant();
        send(checkpoint.destination(), CheckpointJson.encode(checkpoint, now));
        live.put(checkpoint.destination(), new CheckpointJson.Recorded(checkpoint, now));
    }

    @Override
    public void done(BlobRef destination) {
        send(destination.url(), null);
        live.remove(destination.url());
    }

    /** The checkpoints last recorded before {@code cutoff}: writes nobody has sent a part to since. */
    public List<Checkpoint> recordedBefore(Instant cutoff) {
        return live.values().stream().filter(r -> r.recorded().isBefore(cutoff))
                .map(CheckpointJson.Recorded::checkpoint).toList();
    }

    /** Sends and waits for the broker's acknowledgement; a null value is a tombstone. */
    private void send(String key, byte[] value) {
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic.name(), key, value));
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the transfer of " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the checkpoint of " + key + " on " + topic.name()
                    + ": " + e.getCause(), e.getCause());
        }
    }

    /** Reads every partition to the end it has now; the caller holds {@link #reading}. */
    private void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic.name() + " to its end within "
                        + READ_TIMEOUT.toSeconds() + "s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            live.remove(record.key());
            return;
        }
        try {
            CheckpointJson.decode(record.value()).ifPresentOrElse(r -> live.put(record.key(), r), () -> {
                live.remove(record.key());
                LOGGER.warn("skipping a checkpoint of a version this copier does not know topic={} key={} "
                        + "offset={}", topic.name(), record.key(), record.offset());
            });
        } catch (IllegalArgumentException e) {
            live.remove(record.key());
            LOGGER.warn("skipping what is not a checkpoint topic={} key={} offset={} error={}", topic.name(),
                    record.key(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        synchronized (reading) {
            consumer.close();
        }
    }
}
