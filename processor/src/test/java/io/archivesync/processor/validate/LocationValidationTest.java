package io.archivesync.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.SourceLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests between any two locations: what the processor accepts and what it refuses, before anything is copied. */
class LocationValidationTest {

    private final RequestValidator validator = new RequestValidator(List.of(), 786_432);

    @ParameterizedTest
    @CsvSource({
        "s3://src/a.zip, gs://lake/mirror/a.zip",
        "gs://src/a.zip, az://account/container/mirror/a.zip",
        "file:///data/a.zip, backup:lake/mirror/a.zip",
        "https://data.binance.vision/a.zip, file:///srv/mirror/a.zip",
        "backup:src/a.zip, s3://lake/mirror/a.zip",
    })
    void shouldAcceptEveryPairOfLocations(String source, String destination) {
        assertThat(validator.validate(request(source, destination))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/a.zip", "Bad Remote:x/a.zip", "az://account-only", "https://cdn/a.zip"})
    void shouldRefuseADestinationThatIsNotAWritableLocation(String destination) {
        assertThat(validator.validate(request("s3://src/a.zip", destination)))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("destination.uri"));
    }

    @Test
    void shouldRefuseAnS3UriThatContradictsTheBucketAndKey() {
        assertThat(validator.validate(request("s3://src/a.zip", "s3://other/elsewhere.zip")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not s3://lake/mirror/a.zip"));
    }

    @Test
    void shouldRefuseASourceOfNoKnownForm() {
        assertThat(validator.validate(request("ftp://host/a.zip", "gs://lake/mirror/a.zip")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("source.uri").contains("unknown scheme"));
    }

    @Test
    void shouldApplyTheAllowedDestinationsToLocationsToo() {
        RequestValidator only = new RequestValidator(List.of("gs://lake/mirror/"), 786_432);

        assertThat(only.validate(request("s3://src/a.zip", "gs://lake/mirror/a.zip"))).isEmpty();
        assertThat(only.validate(request("s3://src/a.zip", "gs://lake/other/a.zip")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("outside processor.allowedDestinations"));
    }

    private static FileSyncRequest request(String source, String destination) {
        return FileSyncRequest.newBuilder()
                .setRequestId("r-1")
                .setSource(SourceLocation.newBuilder().setUri(source).build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("mirror/a.zip").setUri(destination)
                        .build())
                .setRequestedAt(Instant.EPOCH)
                .setAttributes(Map.of())
                .build();
    }
}
