package io.archivesync.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.avro.OperationMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The copier's settings: defaults as documented, and contradictions rejected naming the setting. */
class SinkSettingsTest {

    @Test
    void shouldLoadTheDocumentedCopierDefaults() {
        // Given / When
        SinkSettings sink = Configs.load().sink();

        // Then
        assertThat(sink.mode()).isEqualTo(OperationMode.AUTO);
        assertThat(sink.skip()).isEqualTo(SkipCriterion.SIZE_AND_ETAG);
        assertThat(sink.listingTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sink.sourceEndpoint()).isNull();
        assertThat(sink.storageClass()).isNull();
        assertThat(sink.serverSide().multipart(256L << 20)).isFalse();
        assertThat(sink.serverSide().multipart((256L << 20) + 1)).isTrue();
        assertThat(sink.streaming().partSize()).isEqualTo(16L << 20);
        assertThat(sink.metadata().replace()).isFalse();
        assertThat(sink.verify().sha256()).isTrue();
        assertThat(sink.verify().quarantinePrefix()).isNull();
        assertThat(sink.retry().maxAttempts()).isEqualTo(5);
        assertThat(sink.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sink.allowedSources()).isEmpty();
        assertThat(sink.allowPrivateSources()).isFalse();
        assertThat(sink.rateLimit().limitsRequests()).isFalse();
        assertThat(sink.rateLimit().bandwidth()).isZero();
        assertThat(sink.rateLimit().prefixBackoff().initialDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(sink.rateLimit().prefixBackoff().maxDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldLoadPerPrefixRequestCapsAndRefuseBadRates() {
        // Given / When
        SinkSettings sink = Configs.load("sink.rateLimit.requestsPerSecond=100",
                "sink.rateLimit.prefixes=[{bucket: lake, prefix: hot/, requestsPerSecond: 5}]").sink();

        // Then
        assertThat(sink.rateLimit().limitsRequests()).isTrue();
        assertThat(sink.rateLimit().prefixes()).containsExactly(
                new RateLimitSettings.PrefixRate("lake", "hot/", 5.0));
        assertThat(sink.rateLimit().prefixes().get(0).covers("lake", "hot/a.zip")).isTrue();
        assertThat(sink.rateLimit().prefixes().get(0).covers("lake", "cold/a.zip")).isFalse();
        assertRejected("sink.rateLimit.requestsPerSecond", "sink.rateLimit.requestsPerSecond=-1");
        assertRejected("sink.rateLimit.bandwidth", "sink.rateLimit.bandwidth=-5");
        assertRejected("sink.rateLimit.prefixes.bucket", "sink.rateLimit.prefixes=[{requestsPerSecond: 5}]");
        assertRejected("sink.rateLimit.prefixes.requestsPerSecond", "sink.rateLimit.prefixes=[{bucket: lake}]");
        assertRejected("sink.rateLimit.prefixBackoff.maxDelay", "sink.rateLimit.prefixBackoff.initialDelay=10s",
                "sink.rateLimit.prefixBackoff.maxDelay=1s");
        assertRejected("sink.rateLimit", "sink.rateLimit=null");
    }

    @Test
    void shouldRefuseABlankedSettingNamingItInsteadOfDefaultingAgain() {
        // Given settings a user's file blanked (YAML null), which the defaults file declares
        // When / Then each is refused by name: the defaults file is the one place a default lives
        assertRejected("sink.mode", "sink.mode=null");
        assertRejected("sink.skip", "sink.skip=null");
        assertRejected("sink.listingTtl", "sink.listingTtl=null");
        assertRejected("sink.serverSide", "sink.serverSide=null");
        assertRejected("sink.streaming", "sink.streaming=null");
        assertRejected("sink.metadata", "sink.metadata=null");
        assertRejected("sink.verify", "sink.verify=null");
        assertRejected("sink.retry", "sink.retry=null");
        assertRejected("sink.allowedSources", "sink.allowedSources=null");
        assertRejected("sink.sessionTimeout", "sink.sessionTimeout=null");
    }

    @Test
    void shouldAcceptSourcePrefixesTheCopierCanReadAndRefuseOthers() {
        // Given / When
        SinkSettings sink = Configs.load(
                "sink.allowedSources=[' https://data.binance.vision/ ', 's3://bucket/prefix/']").sink();

        // Then
        assertThat(sink.allowedSources()).containsExactly("https://data.binance.vision/", "s3://bucket/prefix/");
        assertRejected("sink.allowedSources", "sink.allowedSources=[ftp://host/x]");
        assertRejected("sink.allowedSources", "sink.allowedSources=[data.binance.vision]");
    }

    @Test
    void shouldAlwaysCopyInPartsAboveFiveGibWhateverTheThreshold() {
        // Given a threshold above CopyObject's limit
        SinkSettings sink = Configs.load("sink.serverSide.multipartThreshold=10737418240").sink();

        // When / Then
        assertThat(sink.serverSide().multipart(5L << 30)).isFalse();
        assertThat(sink.serverSide().multipart((5L << 30) + 1)).isTrue();
    }

    @Test
    void shouldRejectContradictionsNamingTheSetting() {
        assertRejected("sink.serverSide.partSize", "sink.serverSide.partSize=1048576");
        assertRejected("sink.streaming.partSize", "sink.streaming.partSize=1024");
        assertRejected("sink.metadata.replace", "sink.metadata.contentType=application/zip");
        assertRejected("sink.verify.quarantinePrefix", "sink.verify.quarantinePrefix=../elsewhere/");
        assertRejected("sink.retry.maxBackoff", "sink.retry.initialBackoff=5s", "sink.retry.maxBackoff=1s");
        assertRejected("sink.sourceEndpoint", "sink.sourceEndpoint=ftp://x");
    }

    private static void assertRejected(String setting, String... overrides) {
        assertThatThrownBy(() -> Configs.load(overrides))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(setting + ":");
    }
}
