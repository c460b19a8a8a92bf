package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings of the enumerator's strategies and filters and of the SQS bridge. */
class IngressSettingsTest {

    @Test
    void shouldDefaultToListingDailyFilesWithABridgeThatIsNotConfigured() {
        // When
        AppConfig config = Configs.load();

        // Then
        assertThat(config.producer().strategy()).isEqualTo(PlanStrategy.LIST);
        assertThat(config.producer().frequencies()).containsExactly("daily");
        assertThat(config.producer().include()).isEmpty();
        assertThat(config.bridge().queueUrl()).isNull();
        assertThat(config.bridge().waitTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.bridge().propagateDeletes()).isFalse();
        assertThatThrownBy(() -> config.bridge().requireQueueUrl()).hasMessageStartingWith("bridge.queueUrl:");
    }

    @Test
    void shouldReadBothFrequenciesTheGenerateStrategyAndBridgeRules() {
        // When
        AppConfig config = Configs.load("producer.strategy=GENERATE", "producer.frequency=[daily, monthly]",
                "producer.from=2024-01-01", "producer.include=[\"data/spot/**\", \"regex:.*BTC.*\"]",
                "bridge.queueUrl=http://127.0.0.1:9324/000000000000/events",
                "bridge.rules=[{bucket: src, prefix: in/, destinationBucket: dst, destinationPrefix: out/}]");

        // Then
        assertThat(config.producer().strategy()).isEqualTo(PlanStrategy.GENERATE);
        assertThat(config.producer().frequencies()).containsExactly("daily", "monthly");
        assertThat(config.producer().from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(config.producer().include()).containsExactly("data/spot/**", "regex:.*BTC.*");
        assertThat(config.bridge().rules()).containsExactly(new BridgeRule("src", "in/", "dst", "out/", false));
        assertThat(config.bridge().rules().get(0).destinationKey("in/a b.zip")).isEqualTo("out/a b.zip");
        assertThat(ConfigPrinter.masked(config)).contains("strategy: \"generate\"").contains("frequency:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "producer.strategy=crawl                          | producer.strategy",
            "producer.strategy=generate                       | producer.from",
            "producer.frequency=[daily, weekly]               | producer.frequency",
            "producer.dataTypes=[klinez]                      | producer.dataTypes",
            "producer.intervals=[1M]                          | producer.intervals",
            "producer.include=[\"regex:(unclosed\"]            | producer.include",
            "producer.exclude=[\"\"]                          | producer.exclude",
            "bridge.waitTime=30s                              | bridge.waitTime",
            "bridge.maxMessages=11                            | bridge.maxMessages",
            "bridge.pollers=0                                 | bridge.pollers",
            "bridge.endpoint=ftp://x                          | bridge.endpoint",
            "bridge.rules=[{bucket: src}]                     | bridge.rules.destinationBucket",
            "'bridge.rules=[{bucket: a, destinationBucket: bbb, destinationPrefix: ../x}]' | bridge.rules.destinationPrefix",
    })
    void shouldRefuseABadIngressSettingNamingIt(String override, String setting) {
        assertThatThrownBy(() -> Configs.load(override))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(setting + ":");
    }

    @Test
    void shouldKeepTheSixSectionConstructorWorking() {
        // Given a configuration built the old way
        AppConfig loaded = Configs.load();
        AppConfig old = new AppConfig(loaded.kafka(), loaded.topics(), loaded.s3(), loaded.producer(),
                loaded.processor(), loaded.sink());

        // Then it has the bridge's defaults, and with* keep the bridge
        assertThat(old.bridge()).isEqualTo(BridgeSettings.defaults());
        BridgeSettings custom = new BridgeSettings("q", null, null, Duration.ofSeconds(1), 1, 1, null, true, List.of(),
                "127.0.0.1", -1);
        assertThat(old.withBridge(custom).withSink(loaded.sink()).bridge()).isEqualTo(custom);
    }
}
