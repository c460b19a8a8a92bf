package io.archivesync.sync.run;

import io.archivesync.sync.Side;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a losing version is kept under by {@code version_preserve} and {@code resolve --keep both}:
 * {@code dir/name.sync-conflict-YYYYMMDD-HHMMSS-B.ext}, next to the path, its extension kept so it still opens.
 */
final class ConflictNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ConflictNames() {
    }

    static String of(String path, Side loser, Instant now) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String tag = ".sync-conflict-" + STAMP.format(now) + "-" + loser;
        return dot > slash + 1 ? path.substring(0, dot) + tag + path.substring(dot) : path + tag;
    }
}
