package io.archivesync.schemas.registry;

import java.util.Locale;

/**
 * The compatibility levels of Confluent's API, as the in-memory registry enforces them. Backward means a reader
 * with the new schema can read data written with the old ones (consumers upgrade first); forward is the
 * reverse; full is both; transitive checks every earlier version instead of only the latest.
 */
public enum CompatibilityLevel {
    /** Anything goes; Apicurio's default. */
    NONE(false, false, false),
    /** New readers read the latest writer; Confluent's default. */
    BACKWARD(true, false, false),
    /** New readers read every earlier writer. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest reader reads the new writer. */
    FORWARD(false, true, false),
    /** Every earlier reader reads the new writer. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Backward and forward against the latest. */
    FULL(true, true, false),
    /** Backward and forward against every earlier version. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must read data written with earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** Whether earlier schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * Parses a level name case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them
     */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("Unknown compatibility level '" + name + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
