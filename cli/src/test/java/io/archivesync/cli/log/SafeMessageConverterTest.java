package io.archivesync.cli.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SafeMessageConverterTest {

    @Test
    void shouldEscapeControlCharactersOfAKeyInTheProductsLogLines() throws Exception {
        // Given the launcher's own logback.xml and its %msg
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SafeMessageConverter.class.getResource("/logback.xml"));
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%msg");
        layout.start();

        // When a key with an ESC sequence, a NUL, a newline and a forged log line is logged
        String key = "a\u001b[31mred\u0000\n12:00:00.000 INFO forged\u2028line\\x";
        String line = layout.doLayout(new LoggingEvent(getClass().getName(), context.getLogger("io.archivesync.t"),
                Level.WARN, "copy failed key={}", null, new Object[] {key}));

        // Then it stays on one line with its controls escaped, and the rest (a backslash too) untouched
        assertThat(line).isEqualTo(
                "copy failed key=a\\u001b[31mred\\u0000\\u000a12:00:00.000 INFO forged\\u2028line\\x");
        context.stop();
    }
}
