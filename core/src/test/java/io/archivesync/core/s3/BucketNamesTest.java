package io.archivesync.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"data.binance.vision", "lake", "my-lakehouse-2024", "a1b"})
    void shouldAcceptValidNames(String name) {
        assertThat(BucketNames.problem(name)).isEmpty();
        assertThat(BucketNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Data.Binance.Vision", "UPPER", "with_underscore", "ab", "-lead", "trail-", "a..b",
        "192.168.1.10", "xn--bucket", "nul\u0000byte", "sp ace"})
    void shouldRefuseNamesS3WouldRefuse(String name) {
        assertThat(BucketNames.problem(name)).isPresent();
        assertThat(BucketNames.isValid(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 100})
    void shouldRefuseNamesLongerThan63Characters(int length) {
        assertThat(BucketNames.problem("a".repeat(length))).hasValueSatisfying(p -> assertThat(p).contains("63"));
    }
}
