package io.archivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The effective configuration (about a hundred lines) is logged only with --verbose; otherwise one line says whence. */
class ConfigLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigOptions.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldLogOneLineWithoutVerbose() {
        // Given
        ConfigOptions options = new ConfigOptions();

        // When
        options.load(List.of("sink.concurrency=8"));

        // Then
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .asString().startsWith("configuration loaded from=defaults overrides=1").doesNotContain("\n");
    }

    @Test
    void shouldLogTheEffectiveConfigurationWithVerbose() {
        // Given
        ConfigOptions options = new ConfigOptions();
        options.verbosity.verbose = true;

        // When
        options.load(List.of());

        // Then
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("effective configuration:").contains("concurrency: 64");
    }
}
