package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "500ms, PT0.5S",
            "2s,    PT2S",
            "5m,    PT5M",
            "24h,   PT24H",
            "7d,    PT168H",
            "PT2S,  PT2S",
            "pt1m,  PT1M",
    })
    void shouldParseShortAndIsoDurations(String text, String expected) {
        // Given / When
        Duration parsed = DurationParser.parse("x", text);

        // Then
        assertThat(parsed).isEqualTo(Duration.parse(expected));
    }

    @Test
    void shouldParseDurationsThroughTheLoader() {
        // Given / When
        AppConfig config = Configs.load("processor.batch.maxWait=500ms", "processor.dedupHorizon=24h",
                "sink.pollTimeout=PT2S");

        // Then
        assertThat(config.processor().batch().maxWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.processor().dedupHorizon()).isEqualTo(Duration.ofHours(24));
        assertThat(config.sink().pollTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseTextThatIsNoDurationNamingTheSetting() {
        // Given / When / Then
        assertThatThrownBy(() -> DurationParser.parse("sink.copyTimeout", "10 minutes"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("sink.copyTimeout"))
                .hasMessageContaining("10 minutes");
    }
}
