package io.archivesync.core.config;

import java.time.Duration;

/**
 * The live dashboard ({@code GET /dashboard}, pushed over {@code GET /events}) on the processor's status port.
 *
 * @param enabled        whether the processor serves it (it needs the status endpoint, {@code processor.statusPort})
 * @param pushInterval   how often a fresh view is pushed to every open page
 * @param latestFailures how many of the latest failures (and dead-letter reasons) the view keeps
 * @param maxClients     how many pages may be open at once; one more is answered 503
 */
public record DashboardSettings(boolean enabled, Duration pushInterval, int latestFailures, int maxClients) {

    public DashboardSettings {
        Check.positive("processor.dashboard.pushInterval", pushInterval);
        Check.positive("processor.dashboard.latestFailures", latestFailures);
        Check.positive("processor.dashboard.maxClients", maxClients);
    }
}
