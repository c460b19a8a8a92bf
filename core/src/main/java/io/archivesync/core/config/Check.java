package io.archivesync.core.config;

import io.archivesync.core.s3.naming.BucketNames;
import java.time.Duration;
import java.util.List;

/** Small guards used by the settings records' compact constructors; each failure names the setting. */
public final class Check {

    private Check() {
    }

    public static String notBlank(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(setting, "must be set");
        }
        return value.strip();
    }

    /** A bucket S3 accepts: a bad destination name would otherwise fail every copy, one by one, after start-up. */
    public static String bucketName(String setting, String value) {
        String name = notBlank(setting, value);
        BucketNames.describeProblem(name).ifPresent(problem -> {
            throw new ConfigException(setting, problem);
        });
        return name;
    }

    public static int positive(String setting, int value) {
        if (value <= 0) {
            throw new ConfigException(setting, "must be greater than 0, was " + value);
        }
        return value;
    }

    public static long positive(String setting, long value) {
        if (value <= 0) {
            throw new ConfigException(setting, "must be greater than 0, was " + value);
        }
        return value;
    }

    public static Duration positive(String setting, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new ConfigException(setting, "must be a positive duration (e.g. PT2S or 2s), was " + value);
        }
        return value;
    }

    /** A duration where 0 turns the feature off. */
    public static Duration offOrPositive(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new ConfigException(setting, "must be 0s (off) or a positive duration (e.g. 150ms), was " + value);
        }
        return value;
    }

    public static double nonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(setting, "must be a number of at least 0, was " + value);
        }
        return value;
    }

    /** A status endpoint's port: -1 turns it off, 0 picks any free port. */
    public static int statusPort(String setting, int value) {
        if (value < -1 || value > 65_535) {
            throw new ConfigException(setting, "must be -1 (off), 0 (any free port) or a port, was " + value);
        }
        return value;
    }

    public static <T> List<T> listOrEmpty(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    public static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
