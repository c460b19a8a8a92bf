package io.archivesync.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void shouldUnquoteStrongAndWeakEtags() {
        assertThat(ETags.unquote("\"0123456789abcdef0123456789abcdef\"")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(ETags.unquote("W/\"abc\"")).isEqualTo("abc");
        assertThat(ETags.unquote(" abc ")).isEqualTo("abc");
        assertThat(ETags.unquote(null)).isNull();
        assertThat(ETags.quote("abc")).isEqualTo("\"abc\"");
    }

    @Test
    void shouldRecogniseOnlyAPlainMd5AsASinglePartEtag() {
        assertThat(ETags.looksLikeMd5("\"0123456789abcdef0123456789abcdef\"")).isTrue();
        assertThat(ETags.looksLikeMd5("0123456789abcdef0123456789abcdef-3")).isFalse();
        assertThat(ETags.looksLikeMd5(null)).isFalse();
    }
}
