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
import io.archivesync.sync.Keep;
import io.archivesync.sync.PathState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The base, conflicts and runs survive on the compacted topics of a real broker, per pair, tombstones honoured. */
@ExtendWith(StackExtension.class)
class KafkaSyncStateIT {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldKeepEachPairsStateAcrossOpensWithTombstones(Stack stack) {
        // Given the sync topics on a broker
        AppConfig config = new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null,
                List.of("kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                        "kafka.schemaRegistryUrl=mock://sync-state-it",
                        "topics.prefix=sync-it-" + UUID.randomUUID().toString().substring(0, 8) + ".",
                        "topics.partitions=2"));
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.sync());
        PathState side = new PathState(3, "v1", T, new Checksums("00112233445566778899aabbccddeeff", null, null));

        // When two pairs' bases, a conflict and a run are written, and one path removed
        try (KafkaSyncState state = KafkaSyncState.open(config.kafka().clientConfig(), topics)) {
            for (String path : List.of("b/2.txt", "a/1.txt", "c.txt")) {
                state.putBase("pair1", new BaseRecord(path, side, side, side.content(), T));
            }
            state.putBase("pair2", new BaseRecord("x.txt", side, side, side.content(), T));
            state.removeBase("pair1", "c.txt");
            state.putConflict(new ConflictRecord("pair1", "file:///a/", "s3://b/", "a/1.txt", side, null,
                    "modified on A, deleted on B", T, null).resolved(Keep.A));
            state.putRun(new RunRecord("pair1", "file:///a/", "s3://b/", "manual", T, T, Map.of("copy_a_to_b", 2L),
                    1, 0, 0, null));
        }

        // Then another process reads them back: the pair's bases in path order, the rest as written
        try (KafkaSyncState state = KafkaSyncState.open(config.kafka().clientConfig(), topics)) {
            assertThat(state.bases("pair1").keySet()).containsExactly("a/1.txt", "b/2.txt");
            assertThat(state.bases("pair1").get("a/1.txt").a()).isEqualTo(side);
            assertThat(state.bases("pair2").keySet()).containsExactly("x.txt");
            assertThat(state.conflicts("pair1")).singleElement()
                    .satisfies(c -> assertThat(c.resolution()).isEqualTo(Keep.A));
            assertThat(state.conflicts("pair2")).isEmpty();
            assertThat(state.runs()).singleElement().satisfies(r -> assertThat(r.actions())
                    .containsEntry("copy_a_to_b", 2L));
        }
    }
}
