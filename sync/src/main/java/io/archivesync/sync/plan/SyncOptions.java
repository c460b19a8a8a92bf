package io.archivesync.sync.plan;

import io.archivesync.sync.ConflictStrategy;
import java.util.Objects;

/**
 * How a run decides and acts.
 *
 * @param strategy    how conflicts are settled
 * @param maxDelete   deletions allowed per side
 * @param force       go on beyond the deletion limit and with an empty side
 * @param filter      which paths are seen
 * @param parallelism paths acted on at once
 * @param partBytes   the part size of streamed copies
 */
public record SyncOptions(ConflictStrategy strategy, MaxDelete maxDelete, boolean force, PathFilter filter,
                          int parallelism, int partBytes) {

    public static final int DEFAULT_PARALLELISM = 8;
    public static final int DEFAULT_PART_BYTES = 8 * 1024 * 1024;

    public SyncOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(maxDelete, "maxDelete");
        filter = filter == null ? PathFilter.ALL : filter;
        if (parallelism < 1 || partBytes < 1) {
            throw new IllegalArgumentException("parallelism and partBytes must be positive");
        }
    }

    public static SyncOptions of(ConflictStrategy strategy, MaxDelete maxDelete) {
        return new SyncOptions(strategy, maxDelete, false, PathFilter.ALL, DEFAULT_PARALLELISM, DEFAULT_PART_BYTES);
    }
}
