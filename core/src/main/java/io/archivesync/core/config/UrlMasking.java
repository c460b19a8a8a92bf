package io.archivesync.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the password of a URL's user info ({@code http://user:pw@host} becomes {@code http://user:****@host}) anywhere
 * in a text: the registry URL, brokers or endpoints may carry credentials, and they end up in the printed
 * configuration and in error messages, where a setting's name does not say it holds a secret.
 */
public final class UrlMasking {

    /**
     * A user info {@code user:password@}, after a scheme ({@code http://}) or at the start of a token (a broker list
     * entry {@code user:pw@host:9092}).
     */
    private static final Pattern USER_INFO = Pattern.compile(
            "((?:[A-Za-z][A-Za-z0-9+.-]*://|^|(?<=[\\s,;=(\\[\"']))[^\\s:/@,;\"'()\\[\\]]+:)[^\\s/@,;\"']+@",
            Pattern.MULTILINE);

    private UrlMasking() {
    }

    /** The text with every user-info password replaced by {@code ****}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ConfigPrinter.MASK + "@"));
    }
}
