package io.archivesync.sync.run;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.StorageException;
import io.archivesync.sync.ActionKind;
import io.archivesync.sync.BaseRecord;
import io.archivesync.sync.Decision;
import io.archivesync.sync.PathState;
import io.archivesync.sync.Side;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.SyncPlan;
import io.archivesync.sync.state.ConflictRecord;
import io.archivesync.sync.state.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one path's decision. Every write is conditional on the destination as planned (absent, or its
 * version) and reads its source pinned to the version planned; every delete is conditional on the version planned.
 * A refusal (PRECONDITION, or the source gone) means the path changed after the plan: nothing is overwritten, its
 * base is left as it was, and the next run decides it again. The base is written as soon as the path's action is
 * done, so a run that stops anywhere leaves every path either done with its new base or untouched with its old one.
 */
final class PlanExecutor {

    private static final Logger LOGGER = LoggerFactory.getLogger(PlanExecutor.class);

    private final SyncPlan plan;
    private final SyncState state;
    private final Copies copies;
    private final Consumer<Decision> beforeAction;
    private final Clock clock;

    /** @param beforeAction called just before each path's action (tests change a side there) */
    PlanExecutor(SyncPlan plan, SyncState state, Copies copies, Consumer<Decision> beforeAction, Clock clock) {
        this.plan = plan;
        this.state = state;
        this.copies = copies;
        this.beforeAction = beforeAction;
        this.clock = clock;
    }

    /** The path's outcome, and for a failure its message. */
    record Result(Decision decision, Outcome outcome, String message) {
    }

    Result apply(Decision d) {
        try {
            beforeAction.accept(d);
            Outcome outcome = act(d);
            return new Result(d, outcome, null);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof StorageException s && (s.kind() == ErrorKind.PRECONDITION
                    || s.kind() == ErrorKind.NOT_FOUND)) {
                LOGGER.info("changed since the plan, left for the next run path={} action={} why={}", d.path(),
                        d.action(), s.getMessage());
                return new Result(d, Outcome.CHANGED_SINCE_PLAN, s.getMessage());
            }
            LOGGER.warn("failed path={} action={} error={}", d.path(), d.action(), cause.toString());
            return new Result(d, Outcome.FAILED, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }

    private Outcome act(Decision d) {
        SyncPair pair = plan.pair();
        String id = pair.id();
        Instant now = clock.instant();
        switch (d.action()) {
            case RECORD -> state.putBase(id, BaseRecord.of(d.path(), d.a(), d.b(), content(d), now));
            case FORGET -> state.removeBase(id, d.path());
            case COPY_A_TO_B, COPY_B_TO_A -> {
                Side from = d.action() == ActionKind.COPY_A_TO_B ? Side.A : Side.B;
                Copies.Copied copied = copies.copy(pair.side(from), d.path(), d.side(from), pair.side(from.other()),
                        d.path(), d.side(from.other()));
                state.putBase(id, base(d.path(), from, d.side(from), copied, now));
            }
            case DELETE_A, DELETE_B -> {
                Side on = d.action() == ActionKind.DELETE_A ? Side.A : Side.B;
                SyncEndpoint side = pair.side(on);
                side.store().delete(side.ref(d.path()), Precondition.ifVersion(d.side(on).version())).join();
                state.removeBase(id, d.path());
            }
            case MOVE_ON_A, MOVE_ON_B -> {
                Side on = d.action() == ActionKind.MOVE_ON_A ? Side.A : Side.B;
                SyncEndpoint side = pair.side(on);
                Decision.Move move = d.move();
                Copies.Copied copied = copies.copy(side, move.from(), move.fromState(), side, d.path(), null);
                state.putBase(id, base(d.path(), on.other(), d.side(on.other()),
                        new Copies.Copied(copied.written(), move.fromBase().content()), now));
                side.store().delete(side.ref(move.from()), Precondition.ifVersion(move.fromState().version())).join();
                state.removeBase(id, move.from());
            }
            case KEEP_BOTH -> keepBoth(d, now);
            case PARK -> {
                ConflictRecord before = plan.conflicts().get(d.path());
                state.putConflict(new ConflictRecord(id, pair.a().location(), pair.b().location(), d.path(), d.a(),
                        d.b(), d.reason(), before != null ? before.openedAt() : now, null));
                return Outcome.PARKED;
            }
            case NOTHING -> {
                return Outcome.DONE;
            }
            default -> throw new IllegalStateException("no action " + d.action());
        }
        if (plan.conflicts().containsKey(d.path())) {
            state.removeConflict(id, d.path());
        }
        return Outcome.DONE;
    }

    /** The loser kept under a conflict name on both sides first, then the winner over the loser at the path. */
    private void keepBoth(Decision d, Instant now) {
        SyncPair pair = plan.pair();
        Side winner = d.winner();
        Side loser = winner.other();
        String kept = ConflictNames.of(d.path(), loser, now);
        Copies.Copied there = copies.copy(pair.side(loser), d.path(), d.side(loser), pair.side(winner), kept, null);
        Copies.Copied here = copies.copy(pair.side(loser), d.path(), d.side(loser), pair.side(loser), kept, null);
        Checksums content = there.content();
        state.putBase(pair.id(), winner == Side.A
                ? BaseRecord.of(kept, there.written(), here.written(), content, now)
                : BaseRecord.of(kept, here.written(), there.written(), content, now));
        Copies.Copied over = copies.copy(pair.side(winner), d.path(), d.side(winner), pair.side(loser), d.path(),
                d.side(loser));
        state.putBase(pair.id(), base(d.path(), winner, d.side(winner), over, now));
    }

    /** The base after a copy from {@code from} (as planned) to the other side (as written). */
    private static BaseRecord base(String path, Side from, PathState source, Copies.Copied copied, Instant now) {
        PathState src = source.withContent(copied.content());
        return from == Side.A ? BaseRecord.of(path, src, copied.written(), copied.content(), now)
                : BaseRecord.of(path, copied.written(), src, copied.content(), now);
    }

    private static Checksums content(Decision d) {
        Checksums known = d.base() != null ? d.base().content() : Checksums.NONE;
        return d.a() != null && d.b() != null ? io.archivesync.sync.Evidence.merge(d.a().content(), d.b().content())
                : known;
    }
}
