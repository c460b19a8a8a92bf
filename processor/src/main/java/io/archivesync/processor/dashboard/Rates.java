package io.archivesync.processor.dashboard;

import io.archivesync.avro.CopyMethod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects and bytes per second by copy method, over the last {@link #SECONDS} whole seconds: one ring of per-second
 * buckets per method, so memory stays fixed however many results arrive.
 */
final class Rates {

    static final int SECONDS = 10;

    private final Map<CopyMethod, long[]> objects = new EnumMap<>(CopyMethod.class);
    private final Map<CopyMethod, long[]> bytes = new EnumMap<>(CopyMethod.class);
    private final Map<CopyMethod, long[]> stamps = new EnumMap<>(CopyMethod.class);

    void record(CopyMethod method, long size, long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % SECONDS);
        long[] stamp = stamps.computeIfAbsent(method, m -> new long[SECONDS]);
        long[] count = objects.computeIfAbsent(method, m -> new long[SECONDS]);
        long[] sum = bytes.computeIfAbsent(method, m -> new long[SECONDS]);
        if (stamp[slot] != second) {
            stamp[slot] = second;
            count[slot] = 0;
            sum[slot] = 0;
        }
        count[slot]++;
        sum[slot] += size;
    }

    /** Per method seen so far: objects and bytes per second over the last whole seconds (the current one left out). */
    List<Map<String, Object>> snapshot(long nowMillis) {
        long current = nowMillis / 1000;
        List<Map<String, Object>> out = new ArrayList<>();
        for (CopyMethod method : stamps.keySet()) {
            long n = 0;
            long b = 0;
            long[] stamp = stamps.get(method);
            for (int i = 0; i < SECONDS; i++) {
                if (stamp[i] < current && stamp[i] >= current - SECONDS) {
                    n += objects.get(method)[i];
                    b += bytes.get(method)[i];
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", method.name());
            m.put("objectsPerSecond", (double) n / SECONDS);
            m.put("bytesPerSecond", (double) b / SECONDS);
            out.add(m);
        }
        return out;
    }
}
