package io.archivesync.core.log;

/**
 * Escapes untrusted text before it reaches a log line. Object keys may hold any character S3 accepts: a newline forges
 * a log entry, an ESC sequence rewrites a terminal, a NUL cuts a line short in some tools. Escaped text stays
 * readable and reversible: {@code \n}, {@code \r}, {@code \t} as such, every other C0 and C1 control, DEL and the
 * Unicode line and paragraph separators as <code>&#92;uXXXX</code>, and a backslash as {@code \\} so that an escape in the
 * output is never ambiguous.
 */
public final class LogSafe {

    /** The longest escaped text returned; what is cut is marked with an ellipsis. */
    public static final int MAX_LENGTH = 512;

    private static final String ELLIPSIS = "…";

    private LogSafe() {
    }

    /** {@code text} escaped and cut to {@link #MAX_LENGTH} characters; "null" for null. */
    public static String escape(String text) {
        return escape(text, MAX_LENGTH);
    }

    /** {@code text} escaped and cut to {@code maxLength} characters (ellipsis included); "null" for null. */
    public static String escape(String text, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        if (text == null) {
            return "null";
        }
        if (text.length() <= maxLength && isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length() + 16, maxLength + 8));
        int cut = 0;
        for (int i = 0; i < text.length(); i++) {
            if (out.length() <= maxLength - ELLIPSIS.length()) {
                cut = out.length();
            }
            out.append(escaped(text.charAt(i)));
            if (out.length() > maxLength) {
                out.setLength(cut);
                return out.append(ELLIPSIS).toString();
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\\';
    }

    private static String escaped(char c) {
        if (!needsEscape(c)) {
            return String.valueOf(c);
        }
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> String.format("\\u%04X", (int) c);
        };
    }
}
