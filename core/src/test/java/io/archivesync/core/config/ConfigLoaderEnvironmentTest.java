package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakePlaceholderValuesFromTheEnvironment() {
        // Given variables that the defaults' placeholders name
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "ARCHIVE_SYNC_TOPIC_PARTITIONS", "12",
                "S3_PATH_STYLE", "true",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret");

        // When
        AppConfig config = Configs.load(env, null);

        // Then the environment wins over the placeholders' defaults, typed as the setting needs
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(config.topics().partitions()).isEqualTo(12);
        assertThat(config.s3().pathStyle()).isTrue();
        assertThat(config.s3().accessKey()).isEqualTo("AKIAEXAMPLE");
        assertThat(config.s3().secretKey()).isEqualTo("secret");
    }

    @Test
    void shouldUseThePlaceholderDefaultWhenTheVariableIsAbsent() throws IOException {
        // Given a user file with a placeholder whose variable is not set
        Path plain = Files.writeString(dir.resolve("plain.yml"), "sink:\n  groupId: ${SINK_GROUP:copiers}\n");

        // When
        AppConfig fromDefault = Configs.load(Map.of(), plain);
        AppConfig fromEnv = Configs.load(Map.of("SINK_GROUP", "from-env"), plain);

        // Then
        assertThat(fromDefault.sink().groupId()).isEqualTo("copiers");
        assertThat(fromEnv.sink().groupId()).isEqualTo("from-env");
    }

    @Test
    void shouldRefuseAPlaceholderWithoutValueOrDefaultNamingTheSetting() throws IOException {
        // Given a placeholder with no default whose variable is not set
        Path file = Files.writeString(dir.resolve("app.yml"), "s3:\n  accessKey: ${MY_ACCESS_KEY}\n");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("s3.accessKey"))
                .hasMessageContaining("MY_ACCESS_KEY");
    }

    @Test
    void shouldNameTheSettingWhenAnEnvironmentValueHasTheWrongType() {
        // Given a partition count that is not a number
        Map<String, String> env = Map.of("ARCHIVE_SYNC_TOPIC_PARTITIONS", "many");

        // When / Then
        assertThatThrownBy(() -> Configs.load(env, null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.setting()).isEqualTo("topics.partitions"));
    }

    @Test
    void shouldKeepAnEscapedPlaceholderLiteral() {
        // Given
        EnvSubstitution substitution = new EnvSubstitution(Map.of("HOME", "/root")::get);

        // When
        String text = substitution.apply("x", "$${HOME} and ${HOME}");

        // Then
        assertThat(text).isEqualTo("${HOME} and /root");
    }
}
