package io.archivesync.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The copier's settings.
 *
 * @param groupId               consumer group of the copier instances
 * @param transactionalIdPrefix each instance's transactional id starts with it
 * @param concurrency           copies in flight per instance
 * @param copyTimeout           the longest one object's copy may take before it is failed
 * @param pollTimeout           how long one poll for batches waits
 * @param routes                which batch topics this copier pool serves: SERVER_SIDE, STREAMING or both, so each
 *                              pool can be scaled by its own bottleneck
 */
public record SinkSettings(
        String groupId,
        String transactionalIdPrefix,
        int concurrency,
        Duration copyTimeout,
        Duration pollTimeout,
        List<String> routes) {

    private static final Set<String> ROUTES = Set.of("SERVER_SIDE", "STREAMING");

    public SinkSettings {
        groupId = Check.notBlank("sink.groupId", groupId);
        transactionalIdPrefix = Check.notBlank("sink.transactionalIdPrefix", transactionalIdPrefix);
        Check.positive("sink.concurrency", concurrency);
        Check.positive("sink.copyTimeout", copyTimeout);
        Check.positive("sink.pollTimeout", pollTimeout);
        routes = Check.listOrEmpty(routes);
        if (routes.isEmpty()) {
            throw new ConfigException("sink.routes", "must name at least one of " + ROUTES);
        }
        for (String route : routes) {
            if (!ROUTES.contains(route)) {
                throw new ConfigException("sink.routes", "unknown route '" + route + "' (known: " + ROUTES + ")");
            }
        }
    }
}
