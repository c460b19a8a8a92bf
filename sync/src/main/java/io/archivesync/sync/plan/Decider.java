package io.archivesync.sync.plan;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.Decision;
import io.archivesync.sync.Evidence;
import io.archivesync.sync.Keep;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;
import java.time.Duration;

/**
 * The three-way decision of one path, pure: each side compared with the base ({@link Change}), then the table of
 * docs/sync.md. One side changed: propagate it. Both changed to the same content: record it. Both changed differently,
 * or modified on one side and deleted on the other: a conflict, settled by the strategy (or by a person's
 * {@link Keep}).
 */
public final class Decider {

    /** Modification times closer than this are a tie for {@code timestamp_wins}: clocks differ by about that much. */
    public static final Duration SKEW = Duration.ofSeconds(2);

    private Decider() {
    }

    /**
     * @param a        side A as listed (content evidence added where it was hashed), or null when absent
     * @param b        side B likewise
     * @param base     the base record, or null
     * @param resolved a person's decision on this path's parked conflict, or null
     */
    public static Decision decide(String path, PathState a, PathState b, BaseRecord base, ConflictStrategy strategy,
                                  Keep resolved) {
        Change ca = Change.of(a, base, Side.A);
        Change cb = Change.of(b, base, Side.B);
        if (ca.gone() && cb.gone()) {
            return base == null ? plain(path, ActionKind.NOTHING, "absent on both sides", a, b, base)
                    : plain(path, ActionKind.FORGET, "deleted on both sides", a, b, base);
        }
        if (ca.quiet() && cb.quiet()) {
            return ca == Change.TOUCHED || cb == Change.TOUCHED
                    ? plain(path, ActionKind.RECORD, "touched (same content, new version) on "
                    + (ca == Change.TOUCHED ? cb == Change.TOUCHED ? "both sides" : "A" : "B"), a, b, base)
                    : plain(path, ActionKind.NOTHING, "unchanged", a, b, base);
        }
        if (ca.changed() && (cb.quiet() || cb == Change.ABSENT)) {
            return copy(path, Side.A, describe(ca) + " on A", a, b, base, false);
        }
        if (cb.changed() && (ca.quiet() || ca == Change.ABSENT)) {
            return copy(path, Side.B, describe(cb) + " on B", a, b, base, false);
        }
        if (ca == Change.DELETED && cb.quiet()) {
            return winner(path, Side.A, "deleted on A", a, b, base, false);
        }
        if (cb == Change.DELETED && ca.quiet()) {
            return winner(path, Side.B, "deleted on B", a, b, base, false);
        }
        if (ca.changed() && cb.changed() && a.size() == b.size() && Evidence.same(a.content(), b.content())) {
            return plain(path, ActionKind.RECORD, describe(ca) + " on A and " + describe(cb)
                    + " on B to the same content", a, b, base);
        }
        String what = ca.changed() && cb.changed() ? describe(ca) + " on A and " + describe(cb) + " on B"
                : describe(ca) + " on A, " + describe(cb) + " on B";
        return conflict(path, what, a, b, base, strategy, resolved);
    }

    private static Decision conflict(String path, String what, PathState a, PathState b, BaseRecord base,
                                     ConflictStrategy strategy, Keep resolved) {
        if (resolved != null) {
            String why = "conflict (" + what + "), resolved: keep " + resolved.name().toLowerCase();
            return switch (resolved) {
                case A -> winner(path, Side.A, why, a, b, base, true);
                case B -> winner(path, Side.B, why, a, b, base, true);
                case BOTH -> a == null || b == null ? winner(path, a == null ? Side.B : Side.A, why, a, b, base, true)
                        : new Decision(path, ActionKind.KEEP_BOTH, why, a, b, base, Side.A, null, true);
            };
        }
        String why = "conflict (" + what + "), " + strategy.cliName();
        return switch (strategy) {
            case MANUAL -> new Decision(path, ActionKind.PARK, why + ": parked until resolved", a, b, base, null,
                    null, true);
            case A_WINS -> winner(path, Side.A, why + ": A wins", a, b, base, true);
            case B_WINS -> winner(path, Side.B, why + ": B wins", a, b, base, true);
            case TIMESTAMP_WINS -> {
                if (a == null || b == null) {
                    Side present = a == null ? Side.B : Side.A;
                    yield winner(path, present, why + ": the modification on " + present + " wins over the deletion",
                            a, b, base, true);
                }
                Newer newer = newer(a, b);
                yield winner(path, newer.side(), why + ": " + newer.why(), a, b, base, true);
            }
            case VERSION_PRESERVE -> {
                if (a == null || b == null) {
                    Side present = a == null ? Side.B : Side.A;
                    yield winner(path, present, why + ": the modified " + present + " is kept, nothing is lost",
                            a, b, base, true);
                }
                Newer newer = newer(a, b);
                yield new Decision(path, ActionKind.KEEP_BOTH, why + ": " + newer.why() + "; "
                        + newer.side().other() + " kept under a conflict name", a, b, base, newer.side(), null, true);
            }
        };
    }

    /** Which side {@code timestamp_wins} keeps, and why. */
    record Newer(Side side, String why) {
    }

    /**
     * The later modification time wins; within {@link #SKEW} (or when a time is unknown) it is a tie, which the
     * content hash breaks (the greater hex SHA-256, else MD5, wins: the same answer whoever runs it), then side A.
     */
    static Newer newer(PathState a, PathState b) {
        if (a.modified() != null && b.modified() != null) {
            long millis = Duration.between(b.modified(), a.modified()).toMillis();
            if (millis > SKEW.toMillis()) {
                return new Newer(Side.A, "A is newer (" + a.modified() + " > " + b.modified() + ")");
            }
            if (millis < -SKEW.toMillis()) {
                return new Newer(Side.B, "B is newer (" + b.modified() + " > " + a.modified() + ")");
            }
        }
        String tie = "modification times within " + SKEW.toSeconds() + " s (a tie): ";
        int bySha = compare(a.content().sha256(), b.content().sha256());
        if (bySha != 0) {
            return new Newer(bySha > 0 ? Side.A : Side.B, tie + "the greater SHA-256 wins");
        }
        int byMd5 = compare(a.content().md5(), b.content().md5());
        if (byMd5 != 0) {
            return new Newer(byMd5 > 0 ? Side.A : Side.B, tie + "the greater MD5 wins");
        }
        return new Newer(Side.A, tie + "no comparable hash, A wins");
    }

    private static int compare(String x, String y) {
        return x == null || y == null ? 0 : Integer.signum(x.compareTo(y));
    }

    /** The winner's state goes to the other side: a copy when it is there, a delete when it is gone. */
    private static Decision winner(String path, Side side, String why, PathState a, PathState b, BaseRecord base,
                                   boolean conflict) {
        PathState kept = side == Side.A ? a : b;
        if (kept == null) {
            ActionKind delete = side == Side.A ? ActionKind.DELETE_B : ActionKind.DELETE_A;
            if ((side == Side.A ? b : a) == null) {
                return plain(path, ActionKind.FORGET, why, a, b, base);
            }
            return new Decision(path, delete, why, a, b, base, side, null, conflict);
        }
        return copy(path, side, why, a, b, base, conflict);
    }

    private static Decision copy(String path, Side from, String why, PathState a, PathState b, BaseRecord base,
                                 boolean conflict) {
        return new Decision(path, from == Side.A ? ActionKind.COPY_A_TO_B : ActionKind.COPY_B_TO_A, why, a, b, base,
                from, null, conflict);
    }

    private static Decision plain(String path, ActionKind action, String why, PathState a, PathState b,
                                  BaseRecord base) {
        return new Decision(path, action, why, a, b, base, null, null, false);
    }

    private static String describe(Change change) {
        return change.name().toLowerCase();
    }
}
