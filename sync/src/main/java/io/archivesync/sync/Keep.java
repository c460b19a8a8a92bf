package io.archivesync.sync;

import java.util.Locale;

/** A person's decision on a parked conflict ({@code archive-sync resolve PATH --keep a|b|both}). */
public enum Keep {
    /** A's content (or A's deletion) goes to both sides. */
    A,
    /** B's content (or B's deletion) goes to both sides. */
    B,
    /** A's at the path, B's under a conflict name, on both sides. */
    BOTH;

    public static Keep parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--keep takes a, b or both, not '" + text + "'", e);
        }
    }
}
