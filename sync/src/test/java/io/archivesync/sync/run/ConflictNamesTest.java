package io.archivesync.sync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.sync.Side;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name a losing version is kept under keeps its directory and extension. */
class ConflictNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"notes/q3.md, notes/q3.sync-conflict-20260102-030405-B.md",
        "Makefile, Makefile.sync-conflict-20260102-030405-B",
        "dir.v2/README, dir.v2/README.sync-conflict-20260102-030405-B",
        ".profile, .profile.sync-conflict-20260102-030405-B"})
    void shouldKeepTheDirectoryAndExtension(String path, String kept) {
        assertThat(ConflictNames.of(path, Side.B, Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo(kept);
    }
}
