package io.archivesync.bridge;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.bridge.event.S3EventRecord;
import io.archivesync.core.config.BridgeRule;
import io.archivesync.core.config.BridgeSettings;
import io.archivesync.schemas.key.RecordKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class EventRequestsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T00:00:00Z"), ZoneOffset.UTC);
    private static final List<BridgeRule> RULES = List.of(
            new BridgeRule("src", "", "mirror", "all/", false),
            new BridgeRule("src", "data/", "mirror", "binance/data/", true),
            new BridgeRule("other", "in/", "lake", "", false));

    @Test
    void shouldMapACreatedObjectByTheLongestMatchingPrefix() {
        // Given
        S3EventRecord event = created("src", "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip");

        // When
        FileSyncRequest r = requests(false).toRequest(event, "m-1", 0).orElseThrow();

        // Then
        assertThat(r.getDestination().getBucket()).isEqualTo("mirror");
        assertThat(r.getDestination().getKey())
                .isEqualTo("binance/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip");
        assertThat(RecordKey.of(r))
                .isEqualTo("mirror/binance/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip");
        assertThat(r.getSource().getUri())
                .isEqualTo("s3://src/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip");
        assertThat(r.getSource().getAnonymous()).isTrue();
        assertThat(r.getSource().getRegion()).isEqualTo("eu-west-1");
        assertThat(r.getExpectedSize()).isEqualTo(42L);
        assertThat(r.getExpectedEtag()).isEqualTo("etag-1");
        assertThat(r.getOrigin()).isEqualTo(RequestOrigin.SQS);
        assertThat(r.getArchive().getSymbol()).isEqualTo("BTCUSDT");
        assertThat(r.getRequestId()).isEqualTo("sqs-m-1-0");
        assertThat(r.getAttributes()).containsEntry("s3.eventName", "ObjectCreated:Put")
                .doesNotContainKey(EventRequests.ACTION_ATTRIBUTE);
    }

    @Test
    void shouldReplaceTheSourcePrefixAndKeepSpacesAndNonAscii() {
        FileSyncRequest r = requests(false).toRequest(created("other", "in/été 1.zip"), "m", 0).orElseThrow();

        assertThat(r.getDestination().getBucket()).isEqualTo("lake");
        assertThat(r.getDestination().getKey()).isEqualTo("été 1.zip");
        assertThat(r.getSource().getUri()).isEqualTo("s3://other/in/été 1.zip");
    }

    @Test
    void shouldIgnoreObjectsNoRuleCovers() {
        assertThat(requests(false).toRequest(created("other", "elsewhere/a.zip"), "m", 0)).isEmpty();
        assertThat(requests(false).toRequest(created("unknown", "a.zip"), "m", 0)).isEmpty();
    }

    @Test
    void shouldIgnoreRemovalsUnlessDeletesPropagate() {
        // Given a removal
        S3EventRecord removed = new S3EventRecord("ObjectRemoved:Delete", null, "src", "data/x.zip", null, null,
                null, "01");

        // When / Then: off by default; when on, a request marked as a delete
        assertThat(requests(false).toRequest(removed, "m", 0)).isEmpty();
        FileSyncRequest delete = requests(true).toRequest(removed, "m", 0).orElseThrow();
        assertThat(delete.getAttributes()).containsEntry(EventRequests.ACTION_ATTRIBUTE, EventRequests.ACTION_DELETE);
        assertThat(delete.getDestination().getKey()).isEqualTo("binance/data/x.zip");
        assertThat(delete.getSource().getRegion()).isEqualTo("us-east-1");
    }

    @Test
    void shouldIgnoreOtherEventTypes() {
        S3EventRecord restore = new S3EventRecord("ObjectRestore:Completed", null, "src", "a", 1L, "e", null, null);
        assertThat(requests(true).toRequest(restore, "m", 0)).isEmpty();
    }

    private static EventRequests requests(boolean propagateDeletes) {
        return new EventRequests(new BridgeSettings("http://q", null, null, Duration.ofSeconds(1), 10, 1, null,
                propagateDeletes, RULES, "127.0.0.1", -1), "us-east-1", CLOCK);
    }

    private static S3EventRecord created(String bucket, String key) {
        return new S3EventRecord("ObjectCreated:Put", "eu-west-1", bucket, key, 42L, "etag-1", null, "01");
    }
}
