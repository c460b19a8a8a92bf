package io.archivesync.sync.run;

import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.state.ConflictRecord;
import io.archivesync.sync.state.RunRecord;
import io.archivesync.sync.state.SyncState;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.atomic.AtomicInteger;

/** State that loses every base write after the first N, as a crash before the producer's flush would. */
final class ForgetfulState implements SyncState {

    private final SyncState state;
    private final int keep;
    private final AtomicInteger puts = new AtomicInteger();

    ForgetfulState(SyncState state, int keep) {
        this.state = state;
        this.keep = keep;
    }

    @Override
    public NavigableMap<String, BaseRecord> bases(String pairId) {
        return state.bases(pairId);
    }

    @Override
    public void putBase(String pairId, BaseRecord base) {
        if (puts.incrementAndGet() <= keep) {
            state.putBase(pairId, base);
        }
    }

    @Override
    public void removeBase(String pairId, String path) {
        state.removeBase(pairId, path);
    }

    @Override
    public List<ConflictRecord> conflicts(String pairId) {
        return state.conflicts(pairId);
    }

    @Override
    public void putConflict(ConflictRecord conflict) {
        state.putConflict(conflict);
    }

    @Override
    public void removeConflict(String pairId, String path) {
        state.removeConflict(pairId, path);
    }

    @Override
    public List<RunRecord> runs() {
        return state.runs();
    }

    @Override
    public void putRun(RunRecord run) {
        state.putRun(run);
    }

    @Override
    public void flush() {
        state.flush();
    }

    @Override
    public void close() {
        state.close();
    }
}
