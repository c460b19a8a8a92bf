package io.archivesync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlobRefTest {

    @Test
    void shouldReadEveryKindOfLocationUrlAndWriteItBack() {
        assertThat(BlobRef.parse("s3://bucket/a/b.zip")).isEqualTo(new BlobRef("s3", "bucket", "a/b.zip"));
        assertThat(BlobRef.parse("gs://bucket")).isEqualTo(new BlobRef("gs", "bucket", ""));
        assertThat(BlobRef.parse("az://acct/cont/x/y")).isEqualTo(new BlobRef("az", "acct/cont", "x/y"));
        assertThat(BlobRef.parse("file:///tmp/m/x.zip")).isEqualTo(new BlobRef("file", "", "tmp/m/x.zip"));
        assertThat(BlobRef.parse("https://host:8443/p/q.zip?x=1"))
                .isEqualTo(new BlobRef("https", "host:8443", "p/q.zip?x=1"));
        for (String url : new String[] {"s3://bucket/a/b.zip", "az://acct/cont/x/y", "file:///tmp/m/x.zip",
                "https://host:8443/p/q.zip?x=1"}) {
            assertThat(BlobRef.parse(url).url()).isEqualTo(url);
        }
    }

    @Test
    void shouldRefuseLocationsItCannotRead() {
        assertThatThrownBy(() -> BlobRef.parse("ftp://x/y")).hasMessageContaining("unknown scheme 'ftp'");
        assertThatThrownBy(() -> BlobRef.parse("az://acct")).hasMessageContaining("az://account/container");
        assertThatThrownBy(() -> BlobRef.parse("file://relative")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> BlobRef.parse("bucket/key")).hasMessageContaining("not a location URL");
    }
}
