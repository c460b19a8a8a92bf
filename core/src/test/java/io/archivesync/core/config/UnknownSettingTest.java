package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped setting is refused with where it was written and the closest known name, not Jackson's wording. */
class UnknownSettingTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameTheFileAndSuggestTheClosestSettingForATypoInAFile() throws IOException {
        // Given a typo in the YAML file
        Path file = Files.writeString(dir.resolve("mirror.yml"), "sink:\n  concurency: 8\n");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting sink.concurency in " + file + "; did you mean sink.concurrency?");
    }

    @Test
    void shouldSayTheSetFlagAndSuggestTheClosestSettingForATypoInAnOverride() {
        // Given / When / Then: a mistyped leaf and a mistyped section
        assertThatThrownBy(() -> Configs.load("processor.batch.maxRequest=5"))
                .hasMessage("unknown setting processor.batch.maxRequest in --set; "
                        + "did you mean processor.batch.maxRequests?");
        assertThatThrownBy(() -> Configs.load("sinc.concurrency=5"))
                .hasMessage("unknown setting sinc.concurrency in --set; did you mean sink.concurrency?");
    }

    @Test
    void shouldSuggestNothingWhenNoSettingIsClose() {
        // Given / When / Then
        assertThatThrownBy(() -> Configs.load("sink.banana=1"))
                .hasMessage("unknown setting sink.banana in --set");
    }

    @Test
    void shouldSuggestTheClosestSectionForAMistypedSectionInAFile() throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("mirror.yml"), "procesor:\n  threads: 2\n");

        // When / Then
        assertThatThrownBy(() -> Configs.load(Map.of(), file))
                .hasMessage("unknown setting procesor in " + file + "; did you mean processor?");
    }
}
