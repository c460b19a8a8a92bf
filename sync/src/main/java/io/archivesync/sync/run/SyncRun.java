package io.archivesync.sync.run;

import io.archivesync.sync.ActionKind;
import io.archivesync.sync.Decision;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.Planner;
import io.archivesync.sync.plan.SyncOptions;
import io.archivesync.sync.plan.SyncPlan;
import io.archivesync.sync.state.ConflictRecord;
import io.archivesync.sync.state.RunRecord;
import io.archivesync.sync.state.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a pair: load its base and conflicts, plan, and unless it is a dry run or the plan is refused, act on
 * every path ({@code parallelism} at a time), write the run's record, and make the state durable.
 */
public final class SyncRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(SyncRun.class);
    private static final int FLUSH_EVERY = 1000;

    private final SyncPair pair;
    private final SyncState state;
    private final SyncOptions options;
    private final Consumer<Decision> beforeAction;
    private final Clock clock;

    public SyncRun(SyncPair pair, SyncState state, SyncOptions options) {
        this(pair, state, options, d -> { }, Clock.systemUTC());
    }

    /** @param beforeAction called just before each path's action, on the acting thread (a test's hook) */
    public SyncRun(SyncPair pair, SyncState state, SyncOptions options, Consumer<Decision> beforeAction,
                   Clock clock) {
        this.pair = pair;
        this.state = state;
        this.options = options;
        this.beforeAction = beforeAction;
        this.clock = clock;
    }

    /** Plans only. @throws io.archivesync.sync.plan.ListingFailed when a side cannot be listed */
    public SyncPlan plan() {
        long t0 = System.nanoTime();
        long[] loaded = new long[1];
        SyncPlan plan = Planner.plan(pair, () -> state.baseCursor(pair.id()), () -> {
            List<ConflictRecord> conflicts = state.conflicts(pair.id());
            loaded[0] = System.nanoTime();
            return conflicts;
        }, options);
        LOGGER.info("sync state loaded (while listing) loadMillis={} planMillis={}",
                TimeUnit.NANOSECONDS.toMillis(loaded[0] - t0), millis(t0));
        return plan;
    }

    /** Plans and, unless {@code dryRun} or refused, acts. */
    public SyncReport run(boolean dryRun) {
        long t0 = System.nanoTime();
        Instant started = clock.instant();
        SyncPlan plan = plan();
        LOGGER.info("sync planned pair={} listedA={} listedB={} base={} actions={} refusal={}", pair.id(),
                plan.listedA(), plan.listedB(), plan.basePaths(), plan.counts(), plan.refusal());
        if (dryRun || plan.refusal() != null) {
            SyncReport report = new SyncReport(plan, false, Map.of(), 0, 0, List.of(), 0, 0, millis(t0));
            if (!dryRun) {
                record(plan, report, started);
            }
            return report;
        }
        Copies copies = new Copies(options.partBytes());
        PlanExecutor executor = new PlanExecutor(plan, state, copies, beforeAction, clock);
        Map<ActionKind, Long> done = new EnumMap<>(ActionKind.class);
        if (plan.unchanged() > 0) {
            done.put(ActionKind.NOTHING, plan.unchanged());
        }
        List<SyncReport.Failure> failures = new ArrayList<>();
        long parked = 0;
        long changed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "archive-sync-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PlanExecutor.Result>> results = new ArrayList<>();
            for (Decision d : plan.decisions()) {
                results.add(pool.submit(() -> executor.apply(d)));
            }
            int n = 0;
            for (Future<PlanExecutor.Result> f : results) {
                PlanExecutor.Result r = f.get();
                switch (r.outcome()) {
                    case DONE -> done.merge(r.decision().action(), 1L, Long::sum);
                    case PARKED -> parked++;
                    case CHANGED_SINCE_PLAN -> {
                        changed++;
                        failures.add(new SyncReport.Failure(r.decision().path(), r.decision().action(),
                                "changed since the plan, left for the next run: " + r.message()));
                    }
                    case FAILED -> failures.add(new SyncReport.Failure(r.decision().path(), r.decision().action(),
                            r.message()));
                }
                if (++n % FLUSH_EVERY == 0) {
                    state.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while syncing " + pair.id(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a path's action failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        long realFailures = failures.size() - changed;
        SyncReport report = new SyncReport(plan, true, done, parked, changed, failures, copies.bytes(),
                copies.serverSide(), millis(t0));
        record(plan, report, started);
        LOGGER.info("sync done pair={} done={} parked={} changedSincePlan={} failed={} millis={}", pair.id(), done,
                parked, changed, realFailures, report.millis());
        return report;
    }

    private void record(SyncPlan plan, SyncReport report, Instant started) {
        Map<String, Long> actions = new LinkedHashMap<>();
        report.done().forEach((k, v) -> actions.put(k.name().toLowerCase(), v));
        state.putRun(new RunRecord(pair.id(), pair.a().location(), pair.b().location(),
                options.strategy().cliName(), started, clock.instant(), actions, report.parked(), report.changed(),
                report.failures().size() - report.changed(), plan.refusal()));
        state.flush();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millis(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
