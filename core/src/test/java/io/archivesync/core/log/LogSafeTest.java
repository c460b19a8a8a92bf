package io.archivesync.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void shouldReturnCleanTextUnchanged() {
        // Given a key with spaces, unicode letters and punctuation, when escaped, then it is the same instance
        String key = "binance/data/spot/BTCUSDT é ü 1m-2024-01-01.zip";
        assertThat(LogSafe.escape(key)).isSameAs(key);
    }

    @Test
    void shouldEscapeLineBreaksTabsAndBackslash() {
        assertThat(LogSafe.escape("a\nb\rc\td\\e")).isEqualTo("a\\nb\\rc\\td\\\\e");
    }

    @Test
    void shouldEscapeControlsDelC1AndUnicodeSeparators() {
        // Given an ESC sequence, NUL, DEL, NEL (U+0085), and the line and paragraph separators
        String hostile = "x\u001b[31mred\u0000\u007f\u0085\u2028\u2029y";

        // When escaped, then none of them remains raw
        assertThat(LogSafe.escape(hostile))
                .isEqualTo("x\\u001B[31mred\\u0000\\u007F\\u0085\\u2028\\u2029y")
                .doesNotContain("\u001b", "\u0000", "\u007f", "\u0085", "\u2028", "\u2029");
    }

    @Test
    void shouldCutLongTextWithAnEllipsisWithinTheBound() {
        // Given text longer than the bound, when escaped, then it ends in an ellipsis and respects the bound
        assertThat(LogSafe.escape("a".repeat(2000))).hasSize(LogSafe.MAX_LENGTH).endsWith("…");
        assertThat(LogSafe.escape("abcdef", 4)).isEqualTo("abc…");
        assertThat(LogSafe.escape("abcd", 4)).isEqualTo("abcd");
    }

    @Test
    void shouldNeverCutAnEscapeInHalf() {
        // Given an escape that would straddle the bound, then it is left out whole
        assertThat(LogSafe.escape("ab\u0000cdef", 6)).isEqualTo("ab…");
        assertThat(LogSafe.escape("\n\n\n", 6)).isEqualTo("\\n\\n\\n");
    }

    @Test
    void shouldWriteNullAsTextAndRefuseAnEmptyBound() {
        assertThat(LogSafe.escape(null)).isEqualTo("null");
        assertThatThrownBy(() -> LogSafe.escape("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
