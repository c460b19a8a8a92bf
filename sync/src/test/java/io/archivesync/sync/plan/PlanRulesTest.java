package io.archivesync.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.sync.ConflictStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small rules a plan is made with: the deletion limit, the filters, the strategy names, the key order. */
class PlanRulesTest {

    @ParameterizedTest(name = "--max-delete {0} of {1} paths allows {2}")
    @CsvSource({"10%, 3, 1", "10%, 1000, 100", "10%, 0, 0", "50, 10, 50", "0, 10, 0", "100%, 7, 7", "2.5%, 1000, 25"})
    void shouldLimitDeletionsByCountOrPercentageRoundedUp(String text, long paths, long allowed) {
        assertThat(MaxDelete.parse(text).limit(paths)).isEqualTo(allowed);
    }

    @Test
    void shouldRefuseALimitThatIsNeitherCountNorPercentage() {
        assertThatThrownBy(() -> MaxDelete.parse("lots")).hasMessageContaining("a count (50) or a percentage");
        assertThatThrownBy(() -> MaxDelete.parse("150%")).hasMessageContaining("at most 100%");
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({"*.txt, a.txt, true", "*.txt, dir/a.txt, false", "**.txt, dir/a.txt, true",
        "docs/**, docs/x/y.md, true", "?.md, ab.md, false", "'regex:.*\\.(csv|tsv)', t/x.tsv, true"})
    void shouldMatchGlobsWithinAndAcrossDirectories(String glob, String path, boolean included) {
        assertThat(new PathFilter(List.of(glob), List.of()).test(path)).isEqualTo(included);
    }

    @Test
    void shouldLeaveExcludedPathsOut() {
        PathFilter filter = new PathFilter(List.of(), List.of("**.tmp", ".git/**"));
        assertThat(filter.test("a/b.txt")).isTrue();
        assertThat(filter.test("a/b.tmp")).isFalse();
        assertThat(filter.test(".git/HEAD")).isFalse();
    }

    @Test
    void shouldReadTheStrategiesOfTheOriginalToolToo() {
        assertThat(ConflictStrategy.parse("local_wins")).isEqualTo(ConflictStrategy.A_WINS);
        assertThat(ConflictStrategy.parse("cloud-wins")).isEqualTo(ConflictStrategy.B_WINS);
        assertThat(ConflictStrategy.parse("version_preserve")).isEqualTo(ConflictStrategy.VERSION_PRESERVE);
        assertThatThrownBy(() -> ConflictStrategy.parse("newest")).hasMessageContaining("timestamp_wins");
    }

    @Test
    void shouldOrderPathsAsObjectStoresListThem() {
        // UTF-8 byte order: '-' < '/' < '0', and U+FF21 (3 bytes) before U+1F600 (4 bytes), unlike UTF-16
        assertThat(PathOrder.compare("a-b", "a/b")).isNegative();
        assertThat(PathOrder.compare("a/b", "a0")).isNegative();
        assertThat(PathOrder.compare("\uFF21", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF21".compareTo("\uD83D\uDE00")).isPositive();
    }
}
