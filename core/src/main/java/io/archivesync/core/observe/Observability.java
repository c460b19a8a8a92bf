package io.archivesync.core.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's meters and readiness. Each service owns one (not Micrometer's global registry), so two services in
 * one JVM (the demo, the tests) each answer with their own numbers. Binders that hold resources (Kafka's) are
 * closed with it.
 */
public final class Observability implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Observability.class);

    private final String service;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> owned = new ArrayList<>();
    private volatile HealthCheck readiness = HealthCheck.STARTING;

    /** @param service the service's name, shown in health answers */
    public Observability(String service) {
        this.service = service;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** How readiness is decided from now on. */
    public void readiness(HealthCheck check) {
        this.readiness = check;
    }

    public Health ready() {
        Health health;
        try {
            health = readiness.check();
        } catch (RuntimeException e) {
            health = Health.down("health check failed: " + e, Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", service);
        details.putAll(health.details());
        return new Health(health.up(), details);
    }

    /** Alive: the process answers HTTP; nothing more is asked. */
    public Health live() {
        return Health.up(Map.of("service", service));
    }

    /** Closes {@code resource} (a Kafka binder) when this closes. */
    public <T extends AutoCloseable> T own(T resource) {
        synchronized (owned) {
            owned.add(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        synchronized (owned) {
            for (AutoCloseable resource : owned) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOGGER.debug("cannot close meter binder service={} error={}", service, e.toString());
                }
            }
            owned.clear();
        }
        registry.close();
    }
}
