package io.archivesync.schemas.registry;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.types.Password;

/**
 * Reads serde configuration values the way Kafka hands them over: as strings, booleans, lists, or Kafka's
 * {@link Password} (whose {@code toString} hides the value, so it needs unwrapping rather than
 * {@code String.valueOf}).
 */
final class ConfigValues {

    private ConfigValues() {
    }

    /** The trimmed string value of {@code key}, or null when absent or blank. */
    static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof Password password) {
            text = password.value();
        } else if (value instanceof Collection<?> list) {
            text = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        } else {
            text = String.valueOf(value);
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    /** The first non-blank of several keys, for Confluent's aliases ({@code schema.registry.basic.auth...}). */
    static String firstString(Map<String, ?> configs, String... keys) {
        for (String key : keys) {
            String value = string(configs, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A string value, or {@code defaultValue} when absent. */
    static String string(Map<String, ?> configs, String key, String defaultValue) {
        String value = string(configs, key);
        return value == null ? defaultValue : value;
    }

    /** A long value, or {@code defaultValue} when absent; rejects non-numbers naming the setting. */
    static long longValue(Map<String, ?> configs, String key, long defaultValue) {
        String value = string(configs, key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new org.apache.kafka.common.config.ConfigException(key, value, "expected a whole number");
        }
    }

    /** A boolean value ("true"/"false", any case), or {@code defaultValue} when absent. */
    static boolean booleanValue(Map<String, ?> configs, String key, boolean defaultValue) {
        String value = string(configs, key);
        if (value == null) {
            return defaultValue;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new org.apache.kafka.common.config.ConfigException(key, value, "expected true or false");
    }
}
