package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.sync.state.KafkaSyncState;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync state's broker for one command: the cluster of {@code --bootstrap-servers}, or the state directory's own
 * embedded broker (started here, created on first use, locked as the pipeline's is), with the sync topics ensured.
 * With the embedded broker the bases are also kept in a local RocksDB in the state directory (walked in constant
 * memory); on a cluster, where several machines may sync, each run loads its pair's bases from the topic.
 */
final class SyncSession implements AutoCloseable {

    private final StateDir state;
    private final EmbeddedKafka kafka;
    private final AppConfig config;
    private final KafkaSyncState syncState;

    /** The local materialization of the bases ({@code LocalBases}) in the state directory. */
    static final String LOCAL_BASES = "sync-bases";

    private SyncSession(StateDir state, EmbeddedKafka kafka, AppConfig config) {
        this.state = state;
        this.kafka = kafka;
        this.config = config;
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.sync());
        this.syncState = KafkaSyncState.open(config.kafka().clientConfig(), topics,
                state == null ? null : state.path().resolve(LOCAL_BASES));
    }

    /** @param overrides settings added to the user's (the local roots of the pair) */
    static SyncSession open(SyncOptionsMixin options, List<String> overrides) {
        if (options.config.bootstrapServersGiven()) {
            return new SyncSession(null, null, options.config.load(overrides));
        }
        StateDir state = StateDir.lock(options.stateDir());
        EmbeddedKafka kafka = null;
        try {
            kafka = EmbeddedKafka.startPersistent(state.kafkaDir());
            List<String> all = new ArrayList<>(LocalPipeline.overrides(kafka.bootstrapServers(), state, false));
            all.addAll(overrides);
            return new SyncSession(state, kafka, options.config.load(all));
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            state.close();
            throw e;
        }
    }

    AppConfig config() {
        return config;
    }

    KafkaSyncState state() {
        return syncState;
    }

    /** {@code local, state in DIR} or {@code cluster HOSTS}. */
    String where() {
        return state == null ? "cluster " + config.kafka().bootstrapServers() : "local, state in " + state.path();
    }

    @Override
    public void close() {
        try {
            syncState.close();
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (state != null) {
                state.close();
            }
        }
    }
}
