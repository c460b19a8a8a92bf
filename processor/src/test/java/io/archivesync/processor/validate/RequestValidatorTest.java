package io.archivesync.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.avro.SourceLocation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

    private static final long MAX_ENCODED = 786_432;

    private final RequestValidator validator = new RequestValidator(List.of(), MAX_ENCODED);

    @ParameterizedTest
    @ValueSource(strings = {"mirror/bad\uFFFDutf8.zip", "mirror/nel\u0085.zip", "mirror/line\u2028sep.zip",
        "mirror/para\u2029sep.zip", "mirror/c1\u009b[2J.zip", "mirror/del\u007f.zip", "mirror/nul\u0000.zip"})
    void shouldRefuseDestinationKeysWithCharactersThatBreakToolsAndLogs(String key) {
        // Given a key S3 would store, but with a character that breaks tools and logs (or came from invalid UTF-8)
        FileSyncRequest r = request();
        r.getDestination().setKey(key);

        // When / Then it is refused, naming the character as U+XXXX, with no raw control character in the reason
        assertThat(validator.validate(r)).hasValueSatisfying(reason -> {
            assertThat(reason).startsWith("destination.key").containsPattern("U\\+[0-9A-F]{4}");
            assertThat(reason.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
                    || c == 0x2029);
        });
    }

    @Test
    void shouldEscapeAQuotedKeyInTheReason() {
        // Given an absolute key carrying an ESC sequence and a newline (log injection)
        FileSyncRequest r = request();
        r.getDestination().setKey("/etc/\u001b[31mforged\nINFO all good");

        // Then the reason quotes the key escaped
        assertThat(validator.validate(r)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("\\u001B[31mforged\\nINFO all good").doesNotContain("\u001b", "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://Data.Binance.Vision/a.zip", "s3://UPPER/a.zip", "s3://data.binance.vision/a\u0000.zip",
        "s3://nul\u0000bucket/a.zip", "https://example.com/a\u0000.zip", "s3://a_b/a.zip"})
    void shouldRefuseSourcesWithInvalidBucketNamesOrNul(String uri) {
        FileSyncRequest r = request();
        r.getSource().setUri(uri);

        assertThat(validator.validate(r)).hasValueSatisfying(reason -> assertThat(reason).startsWith("source.uri"));
    }

    @Test
    void shouldAcceptUpperCaseSha256AndNormaliseItToLowerCase() {
        // Given a request with an upper-case SHA-256
        FileSyncRequest r = request();
        r.setExpectedSha256("ABCDEF0123456789".repeat(4));

        // When validated and accepted
        assertThat(validator.validate(r)).isEmpty();
        ValidatedRequest accepted = ValidatedRequest.valid(r, new byte[0]);

        // Then it carries the lower-case value onward
        assertThat(accepted.request().getExpectedSha256()).isEqualTo("abcdef0123456789".repeat(4));
    }

    @Test
    void shouldRefuseAttributesBeyondTheirLimits() {
        FileSyncRequest tooMany = request();
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= RequestLimits.MAX_ATTRIBUTES; i++) {
            many.put("k" + i, "v");
        }
        tooMany.setAttributes(many);
        FileSyncRequest longName = request();
        longName.setAttributes(Map.of("n".repeat(RequestLimits.MAX_ATTRIBUTE_NAME_CHARS + 1), "v"));
        FileSyncRequest tooLarge = request();
        tooLarge.setAttributes(Map.of("trace", "é".repeat(RequestLimits.MAX_ATTRIBUTES_BYTES / 2)));
        FileSyncRequest atTheLimit = request();
        atTheLimit.setAttributes(Map.of("trace", "x".repeat(RequestLimits.MAX_ATTRIBUTES_BYTES - "trace".length())));

        assertThat(validator.validate(tooMany)).hasValueSatisfying(r -> assertThat(r).contains("65 entries"));
        assertThat(validator.validate(longName)).hasValueSatisfying(r -> assertThat(r).contains("longer than 128"));
        assertThat(validator.validate(tooLarge)).hasValueSatisfying(r -> assertThat(r).contains("attributes are"));
        assertThat(validator.validate(atTheLimit)).isEmpty();
    }

    @Test
    void shouldRefuseAContentTypeBeyondItsLimit() {
        FileSyncRequest r = request();
        r.setMetadata(MetadataReplacement.newBuilder().setContentType("a/" + "b".repeat(300)).build());

        assertThat(validator.validate(r)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("metadata.contentType is longer than"));
    }

    @Test
    void shouldRefuseARequestThatCouldNeverFitInABatch() {
        // Given the smallest batch bound and a request id (unbounded by any other rule) larger than it
        RequestValidator small = new RequestValidator(List.of(), 64 * 1024);
        FileSyncRequest r = request();
        r.setRequestId("r".repeat(70_000));

        assertThat(small.validate(r)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("more than a batch can hold").contains("processor.batch.maxEncodedBytes"));
        assertThat(validator.validate(r)).isEmpty();
    }

    private static FileSyncRequest request() {
        return FileSyncRequest.newBuilder()
                .setRequestId("r-1")
                .setSource(SourceLocation.newBuilder().setUri("s3://data.binance.vision/a.zip").build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("mirror/a.zip").build())
                .setRequestedAt(Instant.EPOCH)
                .setAttributes(Map.of())
                .build();
    }
}
