package io.archivesync.cli.oneshot;

import io.archivesync.cli.ConfigOptions;
import io.archivesync.cli.SharedRegistry;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the results and requests of earlier jobs are, for the commands that only read them: a cluster
 * ({@code --bootstrap-servers}), or the state directory's own broker, started here with the same lock, overrides and
 * pinned schema ids as the pipeline's ({@link LocalPipeline}), but with no processor and no copier. Only one process
 * may run a broker on that log, so while a {@code copy} holds the directory this is refused (the lock's line).
 */
final class StateBroker implements AutoCloseable {

    private final StateDir state;
    private final EmbeddedKafka kafka;
    private final AppConfig config;
    private final Topics topics;

    private StateBroker(StateDir state, EmbeddedKafka kafka, AppConfig config) {
        this.state = state;
        this.kafka = kafka;
        this.config = config;
        this.topics = Topics.create(config);
    }

    static StateBroker open(ConfigOptions options, Path stateDir) {
        if (options.bootstrapServersGiven()) {
            return new StateBroker(null, null, SharedRegistry.require(options.load(List.of())));
        }
        StateDir state = StateDir.lock(stateDir);
        try {
            if (!Files.isDirectory(state.kafkaDir())) {
                throw new ConfigException("--state-dir", "no archive-sync command has run with the state directory "
                        + state.path() + " yet: there is nothing to read");
            }
            EmbeddedKafka kafka = EmbeddedKafka.startPersistent(state.kafkaDir());
            try {
                AppConfig config = options.load(LocalPipeline.overrides(kafka.bootstrapServers(), state, false));
                Topics topics = Topics.create(config);
                PinnedSchemas.register(LocalPipeline.REGISTRY.substring("mock://".length()), topics);
                TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
                return new StateBroker(state, kafka, config);
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
    }

    AppConfig config() {
        return config;
    }

    Topics topics() {
        return topics;
    }

    /** {@code local, state in DIR} or {@code cluster HOSTS}, as the summaries name where they ran. */
    String where() {
        return state == null ? "cluster " + config.kafka().bootstrapServers() : "local, state in " + state.path();
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (state != null) {
            state.close();
        }
    }
}
