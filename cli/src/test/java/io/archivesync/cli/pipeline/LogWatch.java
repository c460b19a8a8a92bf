package io.archivesync.cli.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects one class's log lines while open, for a test to wait on what a service says it did (the copier has no
 * other outward sign that it met an outage and backed off).
 */
final class LogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogWatch(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        setContext(logger.getLoggerContext());
        setName("log-watch-" + loggerName);
        start();
        logger.addAppender(this);
    }

    /** Watches the logger named {@code loggerName} (a class name; the class need not be visible here). */
    static LogWatch on(String loggerName) {
        return new LogWatch(loggerName);
    }

    /** Lines logged so far that contain {@code fragment}. */
    long count(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getFormattedMessage());
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
