package io.archivesync.bridge;

import io.archivesync.core.observe.Health;
import io.archivesync.core.observe.HealthCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The bridge is ready when every poller thread runs and none is backing off from a failed receive. */
final class PollerHealth implements HealthCheck {

    private final List<Thread> pollers;
    private final AtomicInteger failing;

    /** @param failing pollers whose last receive failed */
    PollerHealth(List<Thread> pollers, AtomicInteger failing) {
        this.pollers = pollers;
        this.failing = failing;
    }

    @Override
    public Health check() {
        long alive = pollers.stream().filter(Thread::isAlive).count();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pollers", pollers.size());
        facts.put("pollersAlive", alive);
        facts.put("pollersFailing", failing.get());
        if (alive < pollers.size()) {
            return Health.down("a poller has stopped", facts);
        }
        if (failing.get() > 0) {
            return Health.down("receives from SQS are failing", facts);
        }
        return Health.up(facts);
    }
}
