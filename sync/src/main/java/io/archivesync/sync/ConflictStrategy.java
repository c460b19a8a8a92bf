package io.archivesync.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a conflict (both sides changed differently, or one modified and the other deleted) is settled. docs/sync.md has
 * the table.
 */
public enum ConflictStrategy {
    /**
     * The side modified later wins, by the modification times listed; times within the skew tolerance (two seconds)
     * are a tie, settled by the content hash (the greater SHA-256, else MD5, in hex wins), then by side A. A
     * modification wins over a deletion (a deletion has no time, and keeping the data loses nothing).
     */
    TIMESTAMP_WINS("timestamp_wins"),
    /** A wins (the first location: the local side of {@code sync ./dir s3://...}); also {@code local_wins}. */
    A_WINS("a_wins"),
    /** B wins (the second location: the cloud side); also {@code cloud_wins}. */
    B_WINS("b_wins"),
    /** Nothing is done on the path; the conflict is parked until {@code archive-sync resolve}. Other paths go on. */
    MANUAL("manual"),
    /**
     * Both contents are kept: the winner by the {@link #TIMESTAMP_WINS} rule at the path on both sides, the loser
     * under {@code NAME.sync-conflict-YYYYMMDD-HHMMSS-SIDE.EXT} on both sides. A modify/delete keeps the modified one.
     */
    VERSION_PRESERVE("version_preserve");

    private final String cliName;

    ConflictStrategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Reads a name as the CLI takes it, with {@code local_wins} and {@code cloud_wins} for A and B. */
    public static ConflictStrategy parse(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (name) {
            case "local_wins", "a_wins" -> A_WINS;
            case "cloud_wins", "b_wins" -> B_WINS;
            default -> Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown conflict strategy '" + text + "' (one of "
                            + Arrays.stream(values()).map(ConflictStrategy::cliName).collect(Collectors.joining(", "))
                            + ", local_wins, cloud_wins)"));
        };
    }
}
