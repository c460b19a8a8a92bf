package io.archivesync.sync.plan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order listings come in and the merge-join walks: keys by their UTF-8 bytes, unsigned, as S3, GCS and Azure list
 * them. (File listings sort names as Java strings, which agrees except between supplementary characters and those from
 * U+E000 up; a listing out of this order stops the plan instead of being taken for deletions.)
 */
public final class PathOrder {

    public static final Comparator<String> COMPARATOR = PathOrder::compare;

    private PathOrder() {
    }

    public static int compare(String x, String y) {
        if (isAscii(x) && isAscii(y)) {
            return x.compareTo(y);
        }
        return Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
