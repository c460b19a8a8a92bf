package io.archivesync.cli.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} with control characters escaped, whatever the call site passed: object keys, URLs and error messages
 * come from whoever publishes a request, and an ESC sequence or a newline in one must not forge or hide log lines.
 * Call sites escape what they know to be untrusted as well ({@code LogSafe}, which also escapes backslashes so its
 * output is unambiguous); this is the backstop for everything else, and leaves backslashes alone so that what a call
 * site escaped is not escaped twice.
 */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escapeControls(super.convert(event));
    }

    /** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, each as a backslash, u and four hex digits. */
    static String escapeControls(String message) {
        if (message == null || message.chars().noneMatch(SafeMessageConverter::isControl)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
