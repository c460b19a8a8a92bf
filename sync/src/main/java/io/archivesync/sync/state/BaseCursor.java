package io.archivesync.sync.state;

import io.archivesync.sync.BaseRecord;
import java.util.Iterator;

/**
 * A pair's base records in {@link io.archivesync.sync.plan.PathOrder}, one at a time, so that the plan's merge-join
 * need not hold them all; closed once the plan is made (it may hold a store's iterator).
 */
public interface BaseCursor extends Iterator<BaseRecord>, AutoCloseable {

    @Override
    void close();

    /** Over records already in memory, in order. */
    static BaseCursor of(Iterator<BaseRecord> records) {
        return new BaseCursor() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public BaseRecord next() {
                return records.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
