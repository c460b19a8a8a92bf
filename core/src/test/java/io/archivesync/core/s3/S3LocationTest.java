package io.archivesync.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {

    @Test
    void shouldParseBucketAndKeyAndWriteThemBack() {
        // Given
        String uri = "s3://data.binance.vision/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip";

        // When
        S3Location location = S3Location.parse(uri);

        // Then
        assertThat(location.bucket()).isEqualTo("data.binance.vision");
        assertThat(location.key()).isEqualTo("data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip");
        assertThat(location.uri()).isEqualTo(uri);
        assertThat(location).hasToString(uri);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"s3://", "s3://bucket", "s3://bucket/", "s3:///key", "https://bucket/key",
            "S3://bucket/key", "bucket/key"})
    void shouldRefuseAnythingButBucketAndKey(String uri) {
        // Given / When / Then
        assertThatIllegalArgumentException().isThrownBy(() -> S3Location.parse(uri));
    }

    @Test
    void shouldTellS3FromHttpSources() {
        // Given / When / Then
        assertThat(S3Location.isHttp("https://data.binance.vision/data/spot/x.zip")).isTrue();
        assertThat(S3Location.isHttp("HTTP://example.com/x")).isTrue();
        assertThat(S3Location.isHttp("s3://bucket/key")).isFalse();
        assertThat(S3Location.isHttp("ftp://example.com/x")).isFalse();
        assertThat(S3Location.isHttp("no scheme at all")).isFalse();
        assertThat(S3Location.isHttp(null)).isFalse();
        assertThat(S3Location.isS3("s3://bucket/key")).isTrue();
        assertThat(S3Location.isS3("https://bucket/key")).isFalse();
    }
}
