package io.archivesync.sync.state;

import io.archivesync.sync.BaseRecord;
import java.util.List;
import java.util.NavigableMap;

/**
 * A pair's state between runs. Writes may be buffered until {@link #flush}; a write lost to a crash loses no data,
 * since a path whose base is missing or stale is decided again from both sides (same content proved: recorded, not
 * copied; otherwise a conflict, never an overwrite).
 */
public interface SyncState extends AutoCloseable {

    /** The base records of a pair, by path, in {@link io.archivesync.sync.plan.PathOrder}. */
    NavigableMap<String, BaseRecord> bases(String pairId);

    /**
     * The same, one at a time, as the plan's merge-join walks them: from a local store when the state has one (memory
     * then stays constant however many paths the pair has), else from {@link #bases}.
     */
    default BaseCursor baseCursor(String pairId) {
        return BaseCursor.of(bases(pairId).values().iterator());
    }

    void putBase(String pairId, BaseRecord base);

    void removeBase(String pairId, String path);

    /** The conflicts of a pair (null: of every pair), open or resolved and not yet applied. */
    List<ConflictRecord> conflicts(String pairId);

    void putConflict(ConflictRecord conflict);

    void removeConflict(String pairId, String path);

    /** The last run of every pair. */
    List<RunRecord> runs();

    void putRun(RunRecord run);

    /** Makes every write so far durable. */
    void flush();

    @Override
    void close();
}
