package io.archivesync.sync.state;

import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.plan.PathOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** State in this process alone, for tests and dry runs of the decision logic. */
public final class MemorySyncState implements SyncState {

    private final Map<String, NavigableMap<String, BaseRecord>> bases = new ConcurrentHashMap<>();
    private final Map<String, ConflictRecord> conflicts = new ConcurrentHashMap<>();
    private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();

    @Override
    public NavigableMap<String, BaseRecord> bases(String pairId) {
        NavigableMap<String, BaseRecord> copy = new TreeMap<>(PathOrder.COMPARATOR);
        copy.putAll(pair(pairId));
        return copy;
    }

    @Override
    public void putBase(String pairId, BaseRecord base) {
        pair(pairId).put(base.path(), base);
    }

    @Override
    public void removeBase(String pairId, String path) {
        pair(pairId).remove(path);
    }

    @Override
    public List<ConflictRecord> conflicts(String pairId) {
        return conflicts.values().stream().filter(c -> pairId == null || c.pairId().equals(pairId)).toList();
    }

    @Override
    public void putConflict(ConflictRecord conflict) {
        conflicts.put(conflict.pairId() + "/" + conflict.path(), conflict);
    }

    @Override
    public void removeConflict(String pairId, String path) {
        conflicts.remove(pairId + "/" + path);
    }

    @Override
    public List<RunRecord> runs() {
        return new ArrayList<>(runs.values());
    }

    @Override
    public void putRun(RunRecord run) {
        runs.put(run.pairId(), run);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing held
    }

    private NavigableMap<String, BaseRecord> pair(String pairId) {
        return bases.computeIfAbsent(pairId, k -> new ConcurrentSkipListMap<>(PathOrder.COMPARATOR));
    }
}
