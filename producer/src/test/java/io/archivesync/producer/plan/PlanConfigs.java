package io.archivesync.producer.plan;

import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.ProducerSettings;
import java.util.List;
import java.util.Map;

/** Producer settings through the real loader, for planner tests that need no server. */
final class PlanConfigs {

    private PlanConfigs() {
    }

    static ProducerSettings generate(String... overrides) {
        List<String> flags = new java.util.ArrayList<>(List.of("producer.strategy=generate",
                "producer.from=2024-01-01", "producer.to=2024-01-01"));
        flags.addAll(List.of(overrides));
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, flags).producer();
    }
}
