package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topology's description, node and store names included, is pinned in {@code src/test/resources/topology.txt}:
 * a renamed or auto-named node would change changelog and repartition topics under a running deployment. When a
 * change is meant, regenerate the file with {@code -Darchivesync.topology.update=true} and review its diff.
 */
class TopologyDescriptionTest {

    private static final Path PINNED = Path.of("src/test/resources/topology.txt");

    private String describe() {
        try (TopologyFixture t = new TopologyFixture(List.of())) {
            return SyncTopology.build(t.topics, t.config.processor(), t.drain).describe().toString();
        }
    }

    @Test
    void shouldNameEveryNodeAndStore() {
        String description = describe();

        assertThat(description).doesNotContainPattern("KSTREAM-|KTABLE-|STATE-STORE-");
        assertThat(description).contains("requests-source", "validate-request", "validation-keyed", "validation-rekey",
                "validation-invalid", "dead-letter-sink", "requests-by-destination", "parse-request", "requests-by-destination-merged",
                "dedup-by-destination",
                "check-already-mirrored", "skipped-results-sink", "batch-requests", "route-server-side",
                "route-streaming", "server-side-batches-sink", "streaming-batches-sink", "results-source",
                "aggregate-per-window", "aggregate-totals", SyncTopology.DEDUP_STORE,
                SyncTopology.REPEATS_STORE, SyncTopology.PENDING_BATCHES_STORE, SyncTopology.PENDING_REQUESTS_STORE,
                SyncTopology.LATEST_RESULTS_STORE);
    }

    @Test
    void shouldKeepTheDescriptionStable() throws IOException {
        String description = describe();
        if (Boolean.getBoolean("archivesync.topology.update")) {
            Files.writeString(PINNED, description, StandardCharsets.UTF_8);
        }
        assertThat(description)
                .as("the topology changed; if meant, rerun with -Darchivesync.topology.update=true and review %s",
                        PINNED)
                .isEqualTo(Files.readString(PINNED, StandardCharsets.UTF_8));
    }
}
