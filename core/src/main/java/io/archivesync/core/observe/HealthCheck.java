package io.archivesync.core.observe;

import java.util.Map;

/** Answers whether a service is ready; called on the HTTP thread, so it reads state and never blocks. */
@FunctionalInterface
public interface HealthCheck {

    /** Not ready until the service says how to tell. */
    HealthCheck STARTING = () -> Health.down("starting", Map.of());

    Health check();
}
