package io.archivesync.sync.state;

import io.archivesync.core.topic.Topics;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.plan.PathOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A pair's state on the compacted sync topics ({@link Topics#syncBases}, {@link Topics#syncConflicts},
 * {@link Topics#syncRuns}): keys {@code pairId/path} (runs: the pair id), JSON values, tombstones for what is gone.
 * Writes go through an idempotent producer with {@code acks=all}; {@link #flush} waits for all of them and fails
 * when one failed.
 *
 * <p>With a {@link LocalBases} store, a run's {@link #baseCursor} first brings the store to the topic's end (reading
 * only what was written since it last did) and then walks the pair's bases from disk, in constant memory. Without
 * one, {@link #baseCursor} loads the pair's bases from the whole topic into memory (about 600 bytes a path).
 */
public final class KafkaSyncState implements SyncState {

    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private final LocalBases local;

    private KafkaSyncState(Map<String, Object> clientConfig, Topics topics, KafkaProducer<String, byte[]> producer,
                           LocalBases local) {
        this.clientConfig = clientConfig;
        this.topics = topics;
        this.producer = producer;
        this.local = local;
    }

    /** @param clientConfig the Kafka client settings ({@code kafka.clientConfig()}); the topics must exist */
    public static KafkaSyncState open(Map<String, Object> clientConfig, Topics topics) {
        return open(clientConfig, topics, null);
    }

    /**
     * @param localBases where to keep the local materialization of the bases ({@link LocalBases}; one process at a
     *                   time), or null to load them from the topic for each run
     */
    public static KafkaSyncState open(Map<String, Object> clientConfig, Topics topics, Path localBases) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "archive-sync-sync-state");
        LocalBases local = localBases == null ? null : LocalBases.open(localBases);
        try {
            return new KafkaSyncState(clientConfig, topics, new KafkaProducer<>(config, new StringSerializer(),
                    new ByteArraySerializer()), local);
        } catch (RuntimeException e) {
            if (local != null) {
                local.close();
            }
            throw e;
        }
    }

    /** Brings the local store to the topic's end (all writes so far flushed first), then walks the pair from disk. */
    @Override
    public BaseCursor baseCursor(String pairId) {
        if (local == null) {
            return SyncState.super.baseCursor(pairId);
        }
        flush();
        BaseCatchUp.run(local, clientConfig, topics.syncBases().name(), Clock.systemUTC());
        return local.cursor(pairId);
    }

    @Override
    public NavigableMap<String, BaseRecord> bases(String pairId) {
        String prefix = pairId + "/";
        NavigableMap<String, BaseRecord> bases = new TreeMap<>(PathOrder.COMPARATOR);
        TopicReader.readAll(clientConfig, topics.syncBases().name(), (key, value) -> {
            if (key != null && key.startsWith(prefix)) {
                String path = key.substring(prefix.length());
                if (value == null) {
                    bases.remove(path);
                } else {
                    bases.put(path, StateJson.read(value, BaseRecord.class));
                }
            }
        });
        return bases;
    }

    @Override
    public void putBase(String pairId, BaseRecord base) {
        send(topics.syncBases().name(), pairId + "/" + base.path(), StateJson.write(base));
    }

    @Override
    public void removeBase(String pairId, String path) {
        send(topics.syncBases().name(), pairId + "/" + path, null);
    }

    @Override
    public List<ConflictRecord> conflicts(String pairId) {
        Map<String, ConflictRecord> all = new LinkedHashMap<>();
        TopicReader.readAll(clientConfig, topics.syncConflicts().name(), (key, value) -> {
            if (value == null) {
                all.remove(key);
            } else {
                all.put(key, StateJson.read(value, ConflictRecord.class));
            }
        });
        return all.values().stream().filter(c -> pairId == null || c.pairId().equals(pairId)).toList();
    }

    @Override
    public void putConflict(ConflictRecord conflict) {
        send(topics.syncConflicts().name(), conflict.pairId() + "/" + conflict.path(), StateJson.write(conflict));
    }

    @Override
    public void removeConflict(String pairId, String path) {
        send(topics.syncConflicts().name(), pairId + "/" + path, null);
    }

    @Override
    public List<RunRecord> runs() {
        return runs(clientConfig, topics);
    }

    /**
     * The last run of every pair, read without a producer (what {@code archive-sync status} shows).
     *
     * @param clientConfig the Kafka client settings; the sync topics must exist
     */
    public static List<RunRecord> runs(Map<String, Object> clientConfig, Topics topics) {
        Map<String, RunRecord> all = new LinkedHashMap<>();
        TopicReader.readAll(clientConfig, topics.syncRuns().name(), (key, value) -> {
            if (value == null) {
                all.remove(key);
            } else {
                all.put(key, StateJson.read(value, RunRecord.class));
            }
        });
        return new ArrayList<>(all.values());
    }

    @Override
    public void putRun(RunRecord run) {
        send(topics.syncRuns().name(), run.pairId(), StateJson.write(run));
    }

    private void send(String topic, String key, byte[] value) {
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, key, value));
        synchronized (pending) {
            pending.add(sent);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        List<Future<RecordMetadata>> done;
        synchronized (pending) {
            done = new ArrayList<>(pending);
            pending.clear();
        }
        for (Future<RecordMetadata> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the sync state could not be written to Kafka: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the sync state", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
            if (local != null) {
                local.close();
            }
        }
    }
}
