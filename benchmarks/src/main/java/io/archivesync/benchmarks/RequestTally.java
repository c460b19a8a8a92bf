package io.archivesync.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * HTTP requests seen on the wire, by kind ({@code PUT comp=block}), so that a benchmark can say how many storage
 * requests a copy made without trusting the code that made them. Filled by {@link CountingHttpProxy} and
 * {@link CountingConnectionFactory}.
 */
final class RequestTally {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    void reset() {
        counts.clear();
    }

    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** {@code "GET 1, PUT comp=block 4"}: every kind with its count, sorted, or "none". */
    String breakdown() {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((kind, n) -> sorted.put(kind, n.get()));
        return sorted.isEmpty() ? "none" : sorted.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The kind of a request: its method and the query parameters that name the operation ({@code comp},
     * {@code restype}, {@code uploadType}, {@code uploads}) with their values, other parameters by name only, sorted.
     */
    static String kind(String method, String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return method;
        }
        Set<String> params = new TreeSet<>();
        for (String param : target.substring(q + 1).split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            boolean operation = switch (name) {
                case "comp", "restype", "uploadType", "uploads" -> true;
                default -> false;
            };
            if (!name.isEmpty()) {
                params.add(operation ? param : name);
            }
        }
        return method + " " + String.join(" ", params);
    }
}
