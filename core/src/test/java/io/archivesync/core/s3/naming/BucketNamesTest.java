package io.archivesync.core.s3.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lakehouse", "data.binance.vision", "my-bucket-01", "abc", "a23456789012345678901234567890"
            + "123456789012345678901234567890123"})
    void shouldAcceptNamesS3Accepts(String name) {
        // Given a name S3 accepts; When / Then
        assertThat(BucketNames.problem(name)).isEmpty();
        assertThat(BucketNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ab|3 to 63 characters",
            "My_Bucket|lower-case letters",
            "-bucket|start and end",
            "bucket.|start and end",
            "my..bucket|two dots",
            "192.168.5.4|IP address",
            "xn--bucket|reserved",
            "bucket-s3alias|reserved"})
    void shouldNameTheRuleABadNameBreaks(String name, String rule) {
        // Given a name S3 refuses; When
        var problem = BucketNames.describeProblem(name);

        // Then
        assertThat(problem).hasValueSatisfying(p -> assertThat(p)
                .startsWith("'" + name + "' is not a valid bucket name: ").contains(rule));
    }
}
