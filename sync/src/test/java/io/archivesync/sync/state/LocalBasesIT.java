package io.archivesync.sync.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.Checksums;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.PathState;
import io.archivesync.sync.plan.PathOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bases materialized in a local RocksDB: walked in {@link PathOrder} from disk, caught up from the offsets the
 * store reflects (only what was written since), and rebuilt from the topic when the store cannot be trusted.
 */
@ExtendWith(StackExtension.class)
class LocalBasesIT {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final PathState SIDE = new PathState(3, "v1", T,
            new Checksums("00112233445566778899aabbccddeeff", null, null));

    @Test
    void shouldWalkThePairInPathOrderCatchUpIncrementallyAndRebuildWhenStale(Stack stack, @TempDir Path dir) {
        // Given two pairs' bases on the topic, one path with characters that Java strings order differently
        AppConfig config = config(stack);
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.sync());
        Path store = dir.resolve("sync-bases");
        try (KafkaSyncState state = KafkaSyncState.open(config.kafka().clientConfig(), topics, store)) {
            for (String path : List.of("b/2.txt", "\uFF21.txt", "a/1.txt", "\uD83D\uDE00.txt", "c.txt")) {
                state.putBase("pair1", base(path));
            }
            state.putBase("pair2", base("x.txt"));
            state.removeBase("pair1", "c.txt");
            state.flush();

            // When the pair is walked from the local store, Then it is the topic's, in path order (UTF-8 bytes)
            assertThat(walk(state, "pair1")).containsExactly("a/1.txt", "b/2.txt", "\uFF21.txt", "\uD83D\uDE00.txt")
                    .isSortedAccordingTo(PathOrder.COMPARATOR)
                    .containsExactlyElementsOf(state.bases("pair1").keySet());
            assertThat(walk(state, "pair2")).containsExactly("x.txt");

            // When one more base and a tombstone are written, Then the next walk sees them
            state.putBase("pair1", base("a/0.txt"));
            state.removeBase("pair1", "b/2.txt");
            assertThat(walk(state, "pair1")).containsExactly("a/0.txt", "a/1.txt", "\uFF21.txt", "\uD83D\uDE00.txt");
        }

        // When the store is reopened by another process, Then it reads only what was written since (nothing)
        try (LocalBases local = LocalBases.open(store)) {
            assertThat(BaseCatchUp.run(local, config.kafka().clientConfig(), topics.syncBases().name(),
                    Clock.systemUTC())).isZero();
            // and one last caught up longer ago than delete.retention.ms (a tombstone may be gone) is rebuilt
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
            assertThat(BaseCatchUp.run(local, config.kafka().clientConfig(), topics.syncBases().name(), later))
                    .isEqualTo(9);
        }

        // When the same store is pointed at another (empty, newer) topic, Then its offsets are outside it: rebuilt
        AppConfig other = config(stack);
        Topics otherTopics = Topics.create(other);
        TopicAdmin.ensureTopics(other.kafka().clientConfig(), other.topics(), otherTopics.sync());
        try (KafkaSyncState state = KafkaSyncState.open(other.kafka().clientConfig(), otherTopics, store)) {
            assertThat(walk(state, "pair1")).isEmpty();
        }
    }

    private static List<String> walk(SyncState state, String pairId) {
        List<String> paths = new ArrayList<>();
        try (BaseCursor cursor = state.baseCursor(pairId)) {
            cursor.forEachRemaining(r -> paths.add(r.path()));
        }
        return paths;
    }

    private static BaseRecord base(String path) {
        return new BaseRecord(path, SIDE, SIDE, SIDE.content(), T);
    }

    private static AppConfig config(Stack stack) {
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null,
                List.of("kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                        "kafka.schemaRegistryUrl=mock://local-bases-it",
                        "topics.prefix=local-bases-it-" + UUID.randomUUID().toString().substring(0, 8) + ".",
                        "topics.partitions=2"));
    }
}
