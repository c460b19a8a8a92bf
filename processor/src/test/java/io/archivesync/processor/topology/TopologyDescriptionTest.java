package io.archivesync.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {

    @Test
    void shouldNameEveryNodeAndStore() {
        // Given the topology as main builds it
        try (TopologyFixture t = new TopologyFixture(List.of())) {
            String description = SyncTopology.build(t.topics, t.config.processor()).describe().toString();

            // Then no node or store carries a generated name that would drift when a step is added
            assertThat(description).doesNotContainPattern("KSTREAM-|KTABLE-|STATE-STORE-");
            assertThat(description).contains("requests-source", "validate-request", "validation-valid",
                    "validation-invalid", "dead-letter-sink", "requests-by-destination", "dedup-by-destination",
                    "batch-requests", "route-server-side", "route-streaming", "server-side-batches-sink",
                    "streaming-batches-sink", SyncTopology.DEDUP_STORE,
                    SyncTopology.PENDING_BATCHES_STORE);
        }
    }
}
