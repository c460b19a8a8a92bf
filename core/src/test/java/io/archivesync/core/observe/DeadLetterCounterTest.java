package io.archivesync.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterCounterTest {

    @Test
    void shouldCountByKindTheCounterHandedOverInAStreamsConfiguration() {
        // Given a counter handed over in a configuration map, as the processor does
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Object> configs = Map.of(DeadLetterCounter.CONFIG, new DeadLetterCounter(registry));

        // When handlers find it and count dead letters of two kinds
        DeadLetterCounter.from(configs).count("VALIDATION");
        DeadLetterCounter.from(configs).count("VALIDATION");
        DeadLetterCounter.from(configs).count("PROCESSING");

        // Then each kind has its own count, and a configuration without one counts nothing
        assertThat(registry.get(DeadLetterCounter.NAME).tag("kind", "VALIDATION").counter().count()).isEqualTo(2);
        assertThat(registry.get(DeadLetterCounter.NAME).tag("kind", "PROCESSING").counter().count()).isEqualTo(1);
        assertThat(DeadLetterCounter.from(Map.of())).isSameAs(DeadLetterCounter.NONE);
    }
}
