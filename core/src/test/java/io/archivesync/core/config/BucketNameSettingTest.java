package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A destination bucket S3 would refuse is refused at start-up, naming the setting, not copy by copy later. */
class BucketNameSettingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "producer.destinationBucket=My_Lakehouse                  | producer.destinationBucket",
            "producer.destinationBucket=10.0.0.1                      | producer.destinationBucket",
            "processor.allowedDestinations=[Lake/binance]             | processor.allowedDestinations",
            "bridge.rules=[{bucket: src, destinationBucket: x}]       | bridge.rules.destinationBucket",
    })
    void shouldRefuseAnInvalidBucketNameNamingTheSetting(String override, String setting) {
        // Given a bucket name S3 refuses; When / Then
        assertThatThrownBy(() -> Configs.load(override))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageContaining(setting + ": '")
                .hasMessageContaining("is not a valid bucket name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "producer.destinationBucket=my-lakehouse.eu",
            "processor.allowedDestinations=[lakehouse/binance/, mirror]"})
    void shouldAcceptValidBucketNames(String override) {
        // Given / When / Then
        assertThat(Configs.load(override)).isNotNull();
    }
}
