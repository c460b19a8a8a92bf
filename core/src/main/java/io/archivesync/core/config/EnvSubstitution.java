package io.archivesync.core.config;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}} in configuration text with environment values, so one YAML
 * file serves a laptop, the compose stack and production. {@code $${...}} escapes a literal placeholder.
 */
public final class EnvSubstitution {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::([^}]*))?}");

    private final UnaryOperator<String> lookup;

    public EnvSubstitution(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    public static EnvSubstitution fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new EnvSubstitution(env::get);
    }

    /**
     * @param setting where the text sits, for the error message
     * @throws ConfigException when a placeholder has no value and no default
     */
    public String apply(String setting, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else {
                String value = lookup.apply(m.group(1));
                if (value == null) {
                    value = m.group(2);
                }
                if (value == null) {
                    throw new ConfigException(setting, "environment variable " + m.group(1)
                            + " is not set and the placeholder has no default (write ${" + m.group(1) + ":value})");
                }
                replacement = value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
