package io.archivesync.sink;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.observe.DeadLetterCounter;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.Topics;
import io.archivesync.schemas.key.RecordKey;
import io.archivesync.sink.copy.Copier;
import io.archivesync.sink.copy.CopyTask;
import io.archivesync.sink.metrics.CopyMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Consume, copy, produce, exactly once: each poll's batches are copied concurrently (at most {@code sink.concurrency}
 * at a time, the rest queued), then their results and the consumed offsets are committed in one Kafka transaction. A
 * crash before the commit replays the batches, and the copies, being idempotent, are simply made again: every request
 * ends with exactly one committed result.
 *
 * <p>While copies run, the consumed partitions are paused and the consumer keeps polling, so a long poll's work never
 * trips {@code max.poll.interval.ms}, and each copy is held to {@code sink.copyTimeout} on its own working clock.
 *
 * <p>Results are counted ({@link CopyMetrics}) only once their transaction committed, so the counters agree with the
 * results topic; what each poll saw is kept in {@link LoopProgress} for the health check.
 */
final class BatchConsumerLoop implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BatchConsumerLoop.class);
    /** How often the loop looks up from waiting for copies: to poll (stay in the group) and time copies out. */
    private static final Duration TICK = Duration.ofMillis(250);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Map<String, Topic<String, CopyBatch>> batchTopics = new HashMap<>();
    private final CopyQueue copies;
    private final BatchReader reader;
    private final Duration pollTimeout;
    private final CopyMetrics metrics;
    private final DeadLetterCounter deadLetters;
    private final LoopProgress progress = new LoopProgress();
    private volatile boolean running = true;

    BatchConsumerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Topics topics,
                      List<Route> routes, Copier copier, Duration pollTimeout, Duration copyTimeout,
                      int concurrency, CopyMetrics metrics, DeadLetterCounter deadLetters) {
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.copies = new CopyQueue(copier, copyTimeout, concurrency);
        this.pollTimeout = pollTimeout;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        routes.forEach(route -> batchTopics.put(topics.batches(route).name(), topics.batches(route)));
        this.reader = new BatchReader(batchTopics, topics.deadLetter());
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.copyOf(batchTopics.keySet()), progress);
            while (running) {
                ConsumerRecords<String, byte[]> records = poll(pollTimeout);
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
            // leave the group at once, so the partitions go to another copier now, not after sink.sessionTimeout
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Polls, and notes what the poll saw for the health check and the lag gauge. */
    private ConsumerRecords<String, byte[]> poll(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        progress.polled(consumer.assignment(), consumer::currentLag);
        return records;
    }

    LoopProgress progress() {
        return progress;
    }

    CopyQueue copies() {
        return copies;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records) {
        BatchReader.Read read = reader.read(records);
        if (read.infrastructureFault() != null) {
            // the registry (or another piece of infrastructure) is down: nothing here is the records' fault, so
            // nothing is dead-lettered; read them again after a pause
            Duration pause = reader.backoff();
            LOGGER.warn("cannot read copy batches, will retry error={} retryInMs={}", read.infrastructureFault(),
                    pause.toMillis());
            rewind(records);
            sleep(pause);
            return;
        }
        reader.recovered();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(read.deadLetters());
        List<CompletableFuture<CopyResult>> copying = new ArrayList<>();
        for (CopyBatch batch : read.batches()) {
            for (FileSyncRequest request : batch.getRequests()) {
                String current = batch.getCurrentSourceEtags().get(request.getRequestId());
                copying.add(copies.submit(CopyTask.of(request, batch.getBatchId()).withCurrentSourceEtag(current)));
            }
        }
        awaitStayingInGroup(CompletableFuture.allOf(copying.toArray(CompletableFuture[]::new)));
        List<CopyResult> results = new ArrayList<>();
        try {
            for (CompletableFuture<CopyResult> copy : copying) {
                CopyResult result = copy.join();
                results.add(result);
                out.add(new ProducerRecord<>(topics.results().name(), RecordKey.of(result),
                        topics.results().valueSerde().serializer().serialize(topics.results().name(), result)));
            }
        } catch (RuntimeException e) {
            if (BatchReader.registryOutage(e) == null) {
                throw e;
            }
            // the registry went away while the copies ran: commit nothing, read the batches again later (the copies,
            // idempotent, are then answered as current)
            Duration pause = reader.backoff();
            LOGGER.warn("cannot write results, will replay the batches error={} retryInMs={}", e.getMessage(),
                    pause.toMillis());
            rewind(records);
            sleep(pause);
            return;
        }
        if (commit(records, out)) {
            results.forEach(metrics::record);
            read.deadLetters().forEach(d -> deadLetters.count(BatchReader.KIND));
        }
    }

    /**
     * Waits for the copies with the consumed partitions paused, polling meanwhile so the group does not think this
     * copier dead; records of partitions assigned meanwhile are put back to be read after this transaction.
     */
    private void awaitStayingInGroup(CompletableFuture<Void> all) {
        consumer.pause(consumer.assignment());
        try {
            while (true) {
                try {
                    all.get(Math.min(TICK.toMillis(), pollTimeout.toMillis()), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    copies.expireOverdue();
                    ConsumerRecords<String, byte[]> stray = poll(Duration.ZERO);
                    if (!stray.isEmpty()) {
                        rewind(stray);
                    }
                    consumer.pause(consumer.assignment());
                } catch (ExecutionException e) {
                    return; // cannot happen: the queue completes every copy with a result
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
            }
        } finally {
            consumer.resume(consumer.paused());
        }
    }

    /** @return whether the transaction committed */
    private boolean commit(ConsumerRecords<String, byte[]> records, List<ProducerRecord<String, byte[]>> out) {
        try {
            producer.beginTransaction();
            out.forEach(producer::send);
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            LOGGER.debug("transaction committed records={} results={}", records.count(), out.size());
            progress.committed(true);
            return true;
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOGGER.warn("transaction failed, aborting and replaying the batches error={}", e.toString());
            progress.committed(false);
            producer.abortTransaction();
            rewind(records);
            return false;
        }
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

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
