package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sink.allowedSources: prefixes compared by parts, so look-alike hosts, user-info and dot segments do not get in. */
class SourceAllowListTest {

    private final SourceAllowList list = new SourceAllowList(List.of("https://data.binance.vision/data/",
            "s3://archive/public/"));

    @Test
    void shouldAllowEverySourceWhenEmpty() {
        assertThat(new SourceAllowList(List.of()).allows("http://anything.example/x")).isTrue();
    }

    @Test
    void shouldAllowSourcesUnderAnEntry() {
        assertThat(list.allows("https://data.binance.vision/data/spot/daily/klines/a.zip")).isTrue();
        assertThat(list.allows("HTTPS://DATA.binance.vision:443/data/a.zip")).isTrue();
        assertThat(list.allows("s3://archive/public/spot/a.zip")).isTrue();
    }

    @Test
    void shouldRefuseLookAlikesOfAnEntry() {
        assertThat(list.allows("https://data.binance.vision.evil.example/data/a.zip")).isFalse();
        assertThat(list.allows("https://data.binance.vision@169.254.169.254/data/a.zip")).isFalse();
        assertThat(list.allows("https://user@data.binance.vision/data/a.zip")).isFalse();
        assertThat(list.allows("http://data.binance.vision/data/a.zip")).isFalse();
        assertThat(list.allows("https://data.binance.vision:8443/data/a.zip")).isFalse();
        assertThat(list.allows("https://data.binance.vision/data/../admin")).isFalse();
        assertThat(list.allows("https://data.binance.vision/data/%2e%2e/admin")).isFalse();
        assertThat(list.allows("https://data.binance.vision/other/a.zip")).isFalse();
        assertThat(list.allows("s3://archive/private/a.zip")).isFalse();
        assertThat(list.allows("s3://archive-2/public/a.zip")).isFalse();
        assertThat(list.allows("https://archive/public/a.zip")).isFalse();
        assertThat(list.allows("not a uri")).isFalse();
    }
}
