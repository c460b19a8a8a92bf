package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "processor.batch.maxRequests=0                    | processor.batch.maxRequests",
            "processor.batch.maxBytes=-1                      | processor.batch.maxBytes",
            "processor.dedupHorizon=banana                    | processor.dedupHorizon",
            "processor.dedupHorizon=0s                        | processor.dedupHorizon",
            "processor.commitInterval=-PT1S                   | processor.commitInterval",
            "sink.concurrency=0                               | sink.concurrency",
            "s3.accessKey=AKIAEXAMPLE                         | s3.secretKey",
            "s3.secretKey=secret                              | s3.accessKey",
            "s3.endpoint=ftp://example.com                    | s3.endpoint",
            "kafka.valueSerde=                                | kafka.valueSerde",
            "producer.markets=[spot,forex]                    | producer.markets",
            "producer.frequency=weekly                        | producer.frequency",
            "producer.from=2024-01-02                         | producer.from",
            "producer.from=yesterday                          | producer.from",
            "producer.destinationPrefix=../escape             | producer.destinationPrefix",
            "topics.prefix=has space                          | topics.prefix",
            "kafka.properties={bootstrap.servers: other:9092} | kafka.properties.bootstrap.servers",
            "processor.batch.quietClose=-PT1S                 | processor.batch.quietClose",
            "processor.batch.maxEncodedBytes=1000             | processor.batch.maxEncodedBytes",
            "processor.batch.maxEncodedBytes=1048576          | processor.batch.maxEncodedBytes",
            "kafka.properties={max.request.size: 500000}      | processor.batch.maxEncodedBytes",
            "kafka.properties={producer.max.request.size: x}  | kafka.properties.producer.max.request.size",
            "processor.prices.egressPerGb=-0.01               | processor.prices.egressPerGb",
            "processor.prices.writeRequestsPer1000=NaN        | processor.prices.writeRequestsPer1000",
            "processor.prices.currency=                       | processor.prices.currency",
            "processor.dashboard.maxClients=0                 | processor.dashboard.maxClients",
            "processor.dashboard.pushInterval=0s              | processor.dashboard.pushInterval",
    })
    void shouldRefuseABadValueNamingTheSetting(String override, String setting) {
        // Given a bad value; producer.to is set so that a later producer.from contradicts it
        // When / Then
        assertThatThrownBy(() -> Configs.load("producer.to=2024-01-01", override))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(setting + ":");
    }
}
