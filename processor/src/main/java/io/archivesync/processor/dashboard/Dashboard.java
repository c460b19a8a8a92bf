package io.archivesync.processor.dashboard;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.DashboardSettings;
import io.archivesync.core.topic.Topics;
import io.archivesync.processor.status.StatusServer;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard on the status port: {@code GET /dashboard} (the page) and {@code GET /events} (its feed),
 * with the one feed thread behind them. Closed with the processor.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Dashboard.class);

    private final DashboardFeed feed;
    private final EventStream events;
    private final Thread thread;

    private Dashboard(DashboardFeed feed, EventStream events, Thread thread) {
        this.feed = feed;
        this.events = events;
        this.thread = thread;
    }

    /** Registers the page and the event stream on {@code status} and starts the feed. */
    public static Dashboard start(AppConfig config, Topics topics, StatusServer status) {
        DashboardSettings settings = config.processor().dashboard();
        EventStream events = new EventStream(settings.maxClients());
        DashboardView view = new DashboardView(Instant.now(), config.processor().prices().currency(),
                settings.latestFailures());
        // One client id per instance: several processors in one JVM (tests, the demo) must not share it.
        String clientId = config.processor().applicationId() + "-dashboard-" + status.port();
        DashboardFeed feed = new DashboardFeed(config.kafka().clientConfig(), clientId, topics, view, events,
                settings.pushInterval());
        status.register("/dashboard", new DashboardPage());
        status.register("/events", events);
        Thread thread = new Thread(feed, "archive-sync-dashboard");
        thread.setDaemon(true);
        thread.start();
        LOGGER.info("dashboard at http://{}/dashboard", status.advertised());
        return new Dashboard(feed, events, thread);
    }

    @Override
    public void close() {
        feed.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
    }
}
