package io.archivesync.sink;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.Topics;
import io.archivesync.schemas.key.RecordKey;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.Results;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, copy, produce, exactly once: each poll's batches are copied concurrently (at most
 * {@code sink.concurrency} at a time), then their results and the
 * consumed offsets are committed in one Kafka transaction. A crash before the commit replays the batches, and the
 * copies, being idempotent, are simply made again: every request ends with exactly one committed result.
 */
final class BatchConsumerLoop implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchConsumerLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Map<String, Topic<String, CopyBatch>> batchTopics = new HashMap<>();
    private final Copier copier;
    private final Duration pollTimeout;
    private final Duration copyTimeout;
    private final Semaphore inFlight;
    private volatile boolean running = true;

    BatchConsumerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Topics topics,
                      List<Route> routes, Copier copier, Duration pollTimeout, Duration copyTimeout,
                      int concurrency) {
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.copier = copier;
        this.pollTimeout = pollTimeout;
        this.copyTimeout = copyTimeout;
        this.inFlight = new Semaphore(concurrency);
        routes.forEach(route -> batchTopics.put(topics.batches(route).name(), topics.batches(route)));
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.copyOf(batchTopics.keySet()));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    processInTransaction(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (ProducerFencedException e) {
            LOGGER.error("copier fenced by a newer instance with the same transactional id; stopping", e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            producer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records) {
        List<ProducerRecord<String, byte[]>> out = copyAll(records);
        try {
            producer.beginTransaction();
            out.forEach(producer::send);
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            LOGGER.debug("transaction committed records={} results={}", records.count(), out.size());
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOGGER.warn("transaction failed, aborting and replaying the batches error={}", e.toString());
            producer.abortTransaction();
            rewind(records);
        }
    }

    private List<ProducerRecord<String, byte[]>> copyAll(ConsumerRecords<String, byte[]> records) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        List<CompletableFuture<CopyResult>> copies = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CopyBatch batch;
            try {
                batch = batchTopics.get(record.topic()).valueSerde().deserializer()
                        .deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException e) {
                LOGGER.error("unreadable batch sent to dead letter topic={} partition={} offset={} error={}",
                        record.topic(), record.partition(), record.offset(), e.toString());
                out.add(deadLetter(record, e));
                continue;
            }
            for (FileSyncRequest request : batch.getRequests()) {
                long started = System.nanoTime();
                inFlight.acquireUninterruptibly();
                AtomicBoolean released = new AtomicBoolean();
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) {
                        inFlight.release();
                    }
                };
                CompletableFuture<CopyResult> copy;
                try {
                    copy = copier.copy(request, batch.getBatchId());
                } catch (RuntimeException e) {
                    copy = CompletableFuture.completedFuture(Results.failed(request, batch.getBatchId(), started,
                            CopyOutcome.FAILED_OTHER, e.getClass().getSimpleName(), "copier failed: " + e, 0));
                }
                // a copy that outlives sink.copyTimeout gives its permit back too, so a hung object cannot starve
                // the batches after it; it may still land later, which is harmless since copies are idempotent
                copies.add(copy.whenComplete((r, e) -> release.run())
                        .completeOnTimeout(null, copyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((r, e) -> release.run())
                        .thenApply(r -> r != null ? r : Results.failed(request, batch.getBatchId(), started,
                                CopyOutcome.FAILED_OTHER, "Timeout",
                                "the copy did not finish within sink.copyTimeout=" + copyTimeout, 1)));
            }
        }
        for (CompletableFuture<CopyResult> copy : copies) {
            CopyResult result = copy.join();
            String key = RecordKey.of(result);
            out.add(new ProducerRecord<>(topics.results().name(), key,
                    topics.results().valueSerde().serializer().serialize(topics.results().name(), result)));
        }
        return out;
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception e) {
        ProducerRecord<String, byte[]> dlq = new ProducerRecord<>(topics.deadLetter().name(), record.key(),
                record.value());
        DeadLetterHeaders.write(dlq.headers(), "DESERIALIZATION", "cannot read copy batch: " + e.getMessage(),
                record.topic(), record.partition(), record.offset());
        return dlq;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            if (!consumer.assignment().contains(tp)) {
                continue; // revoked meanwhile: its new owner replays it from the last committed offset
            }
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }
}
