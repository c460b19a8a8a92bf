package io.archivesync.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.storage.Checksums;
import io.archivesync.sync.ActionKind;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.Decision;
import io.archivesync.sync.Keep;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table of docs/sync.md, row by row, under every strategy. */
class DeciderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Checksums BASE = md5("0");
    private static final BaseRecord RECORD = new BaseRecord("p", state("a0", 10, BASE, T0), state("b0", 10, BASE, T0),
            BASE, T0);

    @ParameterizedTest(name = "A {0}, B {1} → {2} / {3} / {4} / {5} / {6}")
    @CsvSource({
        // A,         B,         timestamp_wins, a_wins,      b_wins,      manual,  version_preserve
        "absent,      absent,    NOTHING,        NOTHING,     NOTHING,     NOTHING, NOTHING",
        "new,         absent,    COPY_A_TO_B,    COPY_A_TO_B, COPY_A_TO_B, COPY_A_TO_B, COPY_A_TO_B",
        "absent,      new,       COPY_B_TO_A,    COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A",
        "unchanged,   unchanged, NOTHING,        NOTHING,     NOTHING,     NOTHING, NOTHING",
        "modified,    unchanged, COPY_A_TO_B,    COPY_A_TO_B, COPY_A_TO_B, COPY_A_TO_B, COPY_A_TO_B",
        "unchanged,   modified,  COPY_B_TO_A,    COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A",
        "deleted,     unchanged, DELETE_B,       DELETE_B,    DELETE_B,    DELETE_B, DELETE_B",
        "unchanged,   deleted,   DELETE_A,       DELETE_A,    DELETE_A,    DELETE_A, DELETE_A",
        "deleted,     deleted,   FORGET,         FORGET,      FORGET,      FORGET,  FORGET",
        "touched,     unchanged, RECORD,         RECORD,      RECORD,      RECORD,  RECORD",
        "touched,     modified,  COPY_B_TO_A,    COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A, COPY_B_TO_A",
        "touched,     deleted,   DELETE_A,       DELETE_A,    DELETE_A,    DELETE_A, DELETE_A",
        "same,        same,      RECORD,         RECORD,      RECORD,      RECORD,  RECORD",
        "newsame,     newsame,   RECORD,         RECORD,      RECORD,      RECORD,  RECORD",
        // B modified later than A: timestamp_wins and version_preserve keep B at the path
        "modified,    modified,  COPY_B_TO_A,    COPY_A_TO_B, COPY_B_TO_A, PARK,    KEEP_BOTH",
        "new,         new,       COPY_B_TO_A,    COPY_A_TO_B, COPY_B_TO_A, PARK,    KEEP_BOTH",
        "modified,    deleted,   COPY_A_TO_B,    COPY_A_TO_B, DELETE_A,    PARK,    COPY_A_TO_B",
        "deleted,     modified,  COPY_B_TO_A,    DELETE_B,    COPY_B_TO_A, PARK,    COPY_B_TO_A",
    })
    void shouldDecideEveryRowUnderEveryStrategy(String a, String b, ActionKind timestamp, ActionKind aWins,
                                                ActionKind bWins, ActionKind manual, ActionKind preserve) {
        // Given a path changed as the row says on each side
        PathState sa = side(a, "a", T0.plusSeconds(60));
        PathState sb = side(b, "b", T0.plusSeconds(120));
        BaseRecord base = beforeAnySync(a) && beforeAnySync(b) ? null : RECORD;

        // When it is decided under each strategy, Then the row's action comes out
        assertThat(decide(sa, sb, base, ConflictStrategy.TIMESTAMP_WINS).action()).isEqualTo(timestamp);
        assertThat(decide(sa, sb, base, ConflictStrategy.A_WINS).action()).isEqualTo(aWins);
        assertThat(decide(sa, sb, base, ConflictStrategy.B_WINS).action()).isEqualTo(bWins);
        assertThat(decide(sa, sb, base, ConflictStrategy.MANUAL).action()).isEqualTo(manual);
        Decision kept = decide(sa, sb, base, ConflictStrategy.VERSION_PRESERVE);
        assertThat(kept.action()).isEqualTo(preserve);
        if (preserve == ActionKind.KEEP_BOTH) {
            assertThat(kept.winner()).isEqualTo(Side.B);
            assertThat(kept.reason()).contains("B is newer");
        }
    }

    @ParameterizedTest(name = "keep {0} → {1}")
    @CsvSource({"A, COPY_A_TO_B", "B, COPY_B_TO_A", "BOTH, KEEP_BOTH"})
    void shouldApplyAPersonsResolution(Keep keep, ActionKind expected) {
        // Given a path modified on both sides, parked under manual
        PathState sa = side("modified", "a", T0);
        PathState sb = side("modified", "b", T0);

        // When it is decided with a person's resolution
        Decision d = Decider.decide("p", sa, sb, RECORD, ConflictStrategy.MANUAL, keep);

        // Then the resolution is carried out
        assertThat(d.action()).isEqualTo(expected);
        assertThat(d.conflict()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // times A and B (seconds after T0), SHA-256 of A and B, expected winner
        "'A later by 3 s',         3, 0, aa, bb, A",
        "'B later by 3 s',         0, 3, aa, bb, B",
        "'within skew, hash wins', 1, 0, aa, bb, B",
        "'equal, hash wins',       0, 0, cc, bb, A",
        "'equal, no hash: A',      0, 0, '', '', A",
    })
    void shouldBreakTimestampTiesByHashThenSide(String name, int ta, int tb, String ha, String hb, Side winner) {
        // Given two modifications at nearly the same time
        PathState sa = new PathState(11, "a1", T0.plusSeconds(ta), new Checksums(null, null, ha));
        PathState sb = new PathState(12, "b1", T0.plusSeconds(tb), new Checksums(null, null, hb));

        // When timestamp_wins decides, Then the documented rule picks the winner
        assertThat(Decider.newer(sa, sb).side()).isEqualTo(winner);
    }

    private static boolean beforeAnySync(String change) {
        return change.equals("absent") || change.equals("new") || change.equals("newsame");
    }

    private static Decision decide(PathState a, PathState b, BaseRecord base, ConflictStrategy strategy) {
        return Decider.decide("p", a, b, base, strategy, null);
    }

    /** A side in the row's state; "same" and "newsame" both hold content "1" on both sides. */
    private static PathState side(String change, String prefix, Instant modified) {
        return switch (change) {
            case "absent", "deleted" -> null;
            case "unchanged" -> state(prefix + "0", 10, BASE, T0);
            case "touched" -> state(prefix + "t", 10, BASE, modified);
            case "modified", "new" -> state(prefix + "1", 11 + prefix.length() + (prefix.equals("b") ? 1 : 0),
                    md5(prefix), modified);
            case "same", "newsame" -> state(prefix + "2", 20, md5("1"), modified);
            default -> throw new IllegalArgumentException(change);
        };
    }

    private static PathState state(String version, long size, Checksums content, Instant modified) {
        return new PathState(size, version, modified, content);
    }

    private static Checksums md5(String seed) {
        return new Checksums(String.format("%032x", seed.hashCode()), null, null);
    }
}
