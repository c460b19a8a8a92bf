package io.archivesync.processor.dashboard;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.schemas.key.Destinations;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the dashboard shows, kept in memory and bounded: outcome counts and rates from the results read since start,
 * the latest running total per market, data type and method (each total aggregate carries its whole history, so
 * the sums are complete for every group that moved since start), the latest failures and dead letters. Only the
 * feed thread touches it.
 */
final class DashboardView {

    /** Groups (market × data type × method) kept; more are left out of the sums rather than grow without bound. */
    static final int MAX_GROUPS = 10_000;
    /** Dead-letter kinds counted apart; the rest are counted under {@code OTHER}. */
    static final int MAX_KINDS = 16;
    private static final int MAX_TEXT = 300;

    private final Instant since;
    private final String currency;
    private final int keep;
    private final Map<CopyOutcome, Long> outcomes = new EnumMap<>(CopyOutcome.class);
    private final Rates rates = new Rates();
    private final Map<String, EfficiencyAggregate> totals = new LinkedHashMap<>();
    private final Deque<Map<String, Object>> failures = new ArrayDeque<>();
    private final Map<String, Long> deadLetterKinds = new TreeMap<>();
    private final Deque<Map<String, Object>> deadLetters = new ArrayDeque<>();
    private long deadLetterTotal;

    DashboardView(Instant since, String currency, int keep) {
        this.since = since;
        this.currency = currency;
        this.keep = keep;
        for (CopyOutcome o : CopyOutcome.values()) {
            outcomes.put(o, 0L);
        }
    }

    void onResult(CopyResult r, long nowMillis) {
        outcomes.merge(r.getOutcome(), 1L, Long::sum);
        if (r.getOutcome() != CopyOutcome.SKIPPED_CURRENT && r.getOutcome() != CopyOutcome.DELETED) {
            rates.record(r.getMethod(), r.getBytes(), nowMillis);
        }
        if (r.getOutcome().name().startsWith("FAILED_")) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("at", r.getCompletedAt().toString());
            f.put("destination", Destinations.location(r.getDestination()));
            f.put("outcome", r.getOutcome().name());
            f.put("errorClass", r.getErrorClass());
            f.put("reason", clip(r.getErrorMessage()));
            push(failures, f);
        }
    }

    /** A total (no window) replaces the group's previous one; window aggregates are not needed here. */
    void onAggregate(String key, EfficiencyAggregate a) {
        if (a.getWindowStart() != null || (!totals.containsKey(key) && totals.size() >= MAX_GROUPS)) {
            return;
        }
        totals.put(key, a);
    }

    void onDeadLetter(String kind, String reason, long timestampMillis) {
        deadLetterTotal++;
        String counted = deadLetterKinds.containsKey(kind) || deadLetterKinds.size() < MAX_KINDS ? kind : "OTHER";
        deadLetterKinds.merge(counted, 1L, Long::sum);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("at", Instant.ofEpochMilli(timestampMillis).toString());
        d.put("kind", kind);
        d.put("reason", clip(reason));
        push(deadLetters, d);
    }

    Map<String, Object> snapshot(long nowMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", since.toString());
        m.put("now", Instant.ofEpochMilli(nowMillis).toString());
        m.put("currency", currency);
        m.put("rateSeconds", Rates.SECONDS);
        m.put("rates", rates.snapshot(nowMillis));
        Map<String, Long> counts = new LinkedHashMap<>();
        outcomes.forEach((o, n) -> counts.put(o.name(), n));
        m.put("outcomes", counts);
        Sums all = new Sums();
        totals.values().forEach(all::add);
        m.put("efficiency", all.toMap());
        m.put("byMarket", breakdown(EfficiencyAggregate::getMarket));
        m.put("byDataType", breakdown(EfficiencyAggregate::getDataType));
        m.put("failures", new ArrayList<>(failures));
        Map<String, Object> dlq = new LinkedHashMap<>();
        dlq.put("total", deadLetterTotal);
        dlq.put("byKind", new LinkedHashMap<>(deadLetterKinds));
        dlq.put("latest", new ArrayList<>(deadLetters));
        m.put("deadLetters", dlq);
        // The adaptive limit lives in each copier and is not on any topic: unknown here.
        m.put("adaptiveLimit", null);
        return m;
    }

    private List<Map<String, Object>> breakdown(Function<EfficiencyAggregate, String> by) {
        Map<String, Sums> groups = new TreeMap<>();
        totals.values().forEach(a -> groups.computeIfAbsent(by.apply(a), g -> new Sums()).add(a));
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((name, sums) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.putAll(sums.toMap());
            out.add(row);
        });
        return out;
    }

    private void push(Deque<Map<String, Object>> latest, Map<String, Object> item) {
        latest.addFirst(item);
        while (latest.size() > keep) {
            latest.removeLast();
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
