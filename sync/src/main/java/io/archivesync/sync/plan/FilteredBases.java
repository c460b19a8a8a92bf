package io.archivesync.sync.plan;

import io.archivesync.sync.BaseRecord;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** The base records the filters let through, in the cursor's order: a path left out is never forgotten. */
final class FilteredBases implements Iterator<BaseRecord> {

    private final Iterator<BaseRecord> records;
    private final Predicate<String> filter;
    private BaseRecord next;

    FilteredBases(Iterator<BaseRecord> records, Predicate<String> filter) {
        this.records = records;
        this.filter = filter;
        advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public BaseRecord next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        BaseRecord current = next;
        advance();
        return current;
    }

    private void advance() {
        next = null;
        while (records.hasNext()) {
            BaseRecord r = records.next();
            if (filter.test(r.path())) {
                next = r;
                return;
            }
        }
    }
}
