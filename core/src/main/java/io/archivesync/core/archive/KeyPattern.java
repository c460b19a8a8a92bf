package io.archivesync.core.archive;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An include or exclude filter on object keys: a glob by default ({@code *} within one path segment, {@code **}
 * across segments, {@code ?} one character), or a regular expression when written {@code regex:...}. Either must
 * match the whole key.
 *
 * <p>Why globs by default: they read like the archive's folders ({@code data/spot/daily/klines/BTC*}{@code /**}); a
 * regex is there for what globs cannot say.
 */
public final class KeyPattern {

    public static final String REGEX_PREFIX = "regex:";
    public static final String GLOB_PREFIX = "glob:";

    private final String text;
    private final Pattern pattern;

    private KeyPattern(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong */
    public static KeyPattern of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a pattern must not be blank");
        }
        try {
            if (text.startsWith(REGEX_PREFIX)) {
                return new KeyPattern(text, Pattern.compile(text.substring(REGEX_PREFIX.length())));
            }
            String glob = text.startsWith(GLOB_PREFIX) ? text.substring(GLOB_PREFIX.length()) : text;
            return new KeyPattern(text, Pattern.compile(globToRegex(glob)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid pattern: " + e.getDescription(), e);
        }
    }

    public boolean matches(String key) {
        return pattern.matcher(key).matches();
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
