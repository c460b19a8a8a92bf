package io.archivesync.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldReadEveryFieldOfALine() {
        // When
        FileSyncRequest r = RequestLine.parse("{\"source\": \"s3://data.binance.vision/data/spot/daily/klines/"
                + "BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip\", \"sourceRegion\": \"ap-northeast-1\", \"anonymous\": true,"
                + " \"destinationBucket\": \"mirror\", \"destinationKey\": \"b/x.zip\", \"size\": 12, \"etag\": \"e\","
                + " \"sha256\": \"" + "a".repeat(64) + "\", \"mode\": \"DIRECT\", \"requestId\": \"r-1\","
                + " \"attributes\": {\"job\": \"nightly\"}, \"contentType\": \"application/zip\","
                + " \"userMetadata\": {\"owner\": \"data-team\"}}", CLOCK);

        // Then
        assertThat(r.getRequestId()).isEqualTo("r-1");
        assertThat(r.getSource().getRegion()).isEqualTo("ap-northeast-1");
        assertThat(r.getSource().getAnonymous()).isTrue();
        assertThat(r.getDestination().getKey()).isEqualTo("b/x.zip");
        assertThat(r.getExpectedSize()).isEqualTo(12L);
        assertThat(r.getExpectedEtag()).isEqualTo("e");
        assertThat(r.getExpectedSha256()).isEqualTo("a".repeat(64));
        assertThat(r.getMode()).isEqualTo("DIRECT");
        assertThat(r.getOrigin()).isEqualTo(RequestOrigin.API);
        assertThat(r.getRequestedAt()).isEqualTo(CLOCK.instant());
        assertThat(r.getAttributes()).containsEntry("job", "nightly");
        assertThat(r.getArchive().getSymbol()).isEqualTo("BTCUSDT");
        assertThat(r.getMetadata().getContentType()).isEqualTo("application/zip");
        assertThat(r.getMetadata().getUserMetadata()).containsExactly(entry("owner", "data-team"));
    }

    @Test
    void shouldLeaveTheContractToTheProcessor() {
        // Given a line the processor will dead-letter (absolute key, unknown mode): only the shape is checked here
        FileSyncRequest r = RequestLine.parse("{\"source\": \"s3://a/b\", \"destinationBucket\": \"m\","
                + " \"destinationKey\": \"/etc/passwd\", \"mode\": \"TELEPORT\"}", CLOCK);

        assertThat(r.getDestination().getKey()).isEqualTo("/etc/passwd");
        assertThat(r.getRequestId()).isNotBlank();
        assertThat(r.getArchive()).isNull();
        assertThat(r.getMetadata()).as("no replacement asked for").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                     | not JSON",
            "[1]                                                          | not a JSON object",
            "{\"destinationBucket\": \"m\", \"destinationKey\": \"k\"}    | source is missing",
            "{\"source\": \"s3://a/b\", \"destinationKey\": \"k\"}        | destinationBucket is missing",
            "{\"source\": \"s3://a/b\", \"destinationBucket\": \"m\"}     | destinationKey is missing",
            "{\"source\": \"s3://a/b\", \"destinationBucket\": \"m\", \"destinationKey\": \"k\", \"sizee\": 1} | unknown field 'sizee'",
    })
    void shouldSayWhatIsWrongWithALine(String line, String problem) {
        assertThatThrownBy(() -> RequestLine.parse(line, CLOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gs://lake/mirror/a.zip                | lake      | mirror/a.zip",
        "az://account/container/mirror/a.zip   | container | mirror/a.zip",
        "file:///srv/mirror/a.zip              | ''        | srv/mirror/a.zip",
        "backup:lake/mirror/a.zip              | lake      | mirror/a.zip",
    })
    void shouldReadADestinationLocationOfAnyProvider(String location, String bucket, String key) {
        FileSyncRequest r = RequestLine.parse("{\"source\": \"s3://a/b.zip\", \"destination\": \"" + location
                + "\", \"storageClass\": \"COLDLINE\"}", CLOCK);

        assertThat(r.getDestination().getUri()).isEqualTo(location);
        assertThat(r.getDestination().getBucket()).isEqualTo(bucket);
        assertThat(r.getDestination().getKey()).isEqualTo(key);
        assertThat(r.getDestination().getStorageClass()).isEqualTo("COLDLINE");
    }
}
