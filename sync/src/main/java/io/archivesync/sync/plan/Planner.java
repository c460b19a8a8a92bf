package io.archivesync.sync.plan;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.Decision;
import io.archivesync.sync.Keep;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.state.BaseCursor;
import io.archivesync.sync.state.ConflictRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes a pair's plan in one pass: A's listing, B's listing and the base, merge-joined by path in {@link PathOrder}
 * (listings streamed a page at a time), each path decided as it passes, then renames paired and deletions checked. A
 * no-change run issues the listings and nothing else: no HEAD, no read.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param bases     the pair's base records (as {@link io.archivesync.sync.state.SyncState#bases} loads them)
     * @param conflicts the pair's conflict records
     * @throws ListingFailed when a side cannot be listed: no plan, so no deletion, is made from it
     */
    public static SyncPlan plan(SyncPair pair, NavigableMap<String, BaseRecord> bases,
                                List<ConflictRecord> conflicts, SyncOptions options) {
        return plan(pair, () -> BaseCursor.of(bases.values().iterator()), () -> conflicts, options);
    }

    /**
     * The same, both sides listed (ahead, on threads of their own) while the base and conflicts are loaded.
     */
    public static SyncPlan plan(SyncPair pair, Supplier<BaseCursor> loadBases,
                                Supplier<List<ConflictRecord>> loadConflicts, SyncOptions options) {
        try (SideListing a = new SideListing(Side.A, pair.a(), options.filter());
             SideListing b = new SideListing(Side.B, pair.b(), options.filter());
             BaseCursor bases = loadBases.get()) {
            return plan(pair, a, b, bases, loadConflicts.get(), options);
        }
    }

    private static SyncPlan plan(SyncPair pair, SideListing a, SideListing b, BaseCursor bases,
                                 List<ConflictRecord> conflicts, SyncOptions options) {
        Map<String, ConflictRecord> byPath = conflicts.stream()
                .collect(Collectors.toMap(ConflictRecord::path, Function.identity(), (x, y) -> y));
        Iterator<BaseRecord> base = new FilteredBases(bases, options.filter());
        BaseRecord nextBase = base.hasNext() ? base.next() : null;
        ContentProbe probe = new ContentProbe();
        List<Decision> decisions = new ArrayList<>();
        long unchanged = 0;
        long basePaths = 0;
        while (a.peek() != null || b.peek() != null || nextBase != null) {
            String path = min(min(a.peek() == null ? null : a.peek().path(),
                    b.peek() == null ? null : b.peek().path()), nextBase == null ? null : nextBase.path());
            PathState sa = take(a, path);
            PathState sb = take(b, path);
            BaseRecord record = null;
            if (nextBase != null && nextBase.path().equals(path)) {
                record = nextBase;
                basePaths++;
                nextBase = base.hasNext() ? base.next() : null;
            }
            sa = hashIfNeeded(probe, pair.a(), path, sa, sb, record, Side.A);
            sb = hashIfNeeded(probe, pair.b(), path, sb, sa, record, Side.B);
            ConflictRecord parked = byPath.get(path);
            Keep resolved = parked != null && parked.resolution() != null && parked.sameSides(sa, sb)
                    ? parked.resolution() : null;
            Decision d = Decider.decide(path, sa, sb, record, options.strategy(), resolved);
            if (d.action() == ActionKind.NOTHING && parked == null) {
                unchanged++;
            } else if (d.action() == ActionKind.NOTHING) {
                decisions.add(new Decision(path, ActionKind.RECORD, "back to the base on both sides: the conflict "
                        + "is over", sa, sb, record, null, null, false));
            } else {
                decisions.add(d);
            }
        }
        List<Decision> withMoves = Renames.pair(decisions, pair, probe);
        String refusal = DeleteGuard.check(withMoves, basePaths, a.count(), b.count(), options.maxDelete(),
                options.force()).orElse(null);
        return new SyncPlan(pair, withMoves, unchanged, a.count(), b.count(), basePaths,
                a.requests() + b.requests(), probe.files(), probe.bytes(), refusal, byPath);
    }

    private static PathState take(SideListing listing, String path) {
        SideListing.Listed next = listing.peek();
        if (next != null && next.path().equals(path)) {
            listing.next();
            return PathState.of(next.info());
        }
        return null;
    }

    /**
     * Hashes a local side whose version differs from the base's when that can settle something: its size is the
     * base's (only touched?), or the other side changed too, to the same size (the same content?).
     */
    private static PathState hashIfNeeded(ContentProbe probe, SyncEndpoint endpoint, String path, PathState here,
                                          PathState there, BaseRecord base, Side side) {
        if (here == null || !ContentProbe.hashable(endpoint.store())) {
            return here;
        }
        boolean changedHere = base == null || !Objects.equals(here.version(), base.side(side).version());
        if (!changedHere) {
            return here;
        }
        boolean sizeOfBase = base != null && here.size() == base.side(side).size();
        boolean changedThere = there != null && (base == null || !Objects.equals(there.version(),
                base.side(side.other()).version()));
        if (sizeOfBase || changedThere && there.size() == here.size()) {
            return probe.hash(endpoint.store(), endpoint.ref(path), here);
        }
        return here;
    }

    private static String min(String x, String y) {
        if (x == null) {
            return y;
        }
        if (y == null) {
            return x;
        }
        return PathOrder.compare(x, y) <= 0 ? x : y;
    }
}
