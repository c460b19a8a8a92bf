package io.archivesync.benchmarks;

import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.producer.RequestFactory;
import io.archivesync.producer.plan.KeyPlanner;
import io.archivesync.producer.plan.SymbolSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The enumerator's {@code generate} strategy, plan only (no S3, no Kafka): keys built by {@link KeyPlanner}, each
 * turned into a {@code FileSyncRequest} by {@link RequestFactory} (what the producer does before {@code send}) and
 * dropped. The reference is a plain nested loop building the same key strings. Prints rate, the heap's peak and the
 * process's peak resident memory; run each size in its own JVM (with a small -Xmx) to see memory stay flat.
 *
 * <p>Usage: {@code benchmarks/run.sh EnumerationBenchmark -Xmx64m -- --keys 1000000 [--kafka]}; with
 * {@code --kafka} it then produces the same plan to an embedded broker through {@code ProducerJob} (see
 * {@link KafkaRun}).
 */
public final class EnumerationBenchmark {

    private static final int DAYS = 1000;
    private static final LocalDate FIRST = LocalDate.of(2021, 1, 1);

    private EnumerationBenchmark() {
    }

    public static void main(String[] args) {
        long keys = args.length > 1 && args[0].equals("--keys") ? Long.parseLong(args[1]) : 1_000_000L;
        int symbolCount = (int) Math.max(1, keys / (2L * DAYS));
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < symbolCount; i++) {
            symbols.add("SYM" + i + "USDT");
        }
        ProducerSettings settings = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "producer.strategy=generate", "producer.intervals=[1m]", "producer.from=" + FIRST,
                "producer.to=" + FIRST.plusDays(DAYS - 1))).producer();
        RequestFactory factory = new RequestFactory(settings, Clock.systemUTC());
        System.out.printf(Locale.ROOT, "generate plan: %d symbols x %d days x (zip + sidecar) = %,d keys%n",
                symbolCount, DAYS, 2L * symbolCount * DAYS);
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            long[] length = {0};
            long keysOnly = new KeyPlanner(settings, SymbolSource.fixed(symbols), Clock.systemUTC())
                    .plan(o -> length[0] += o.key().length());
            double plannerOnly = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            long planned = new KeyPlanner(settings, SymbolSource.fixed(symbols), Clock.systemUTC())
                    .plan(o -> check(factory.create(o)));
            double withRequests = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            long reference = referenceLoop(symbols);
            double loop = (System.nanoTime() - t2) / 1e9;
            if (planned != reference || planned != keysOnly || length[0] == 0) {
                throw new IllegalStateException("counts differ: " + planned + " vs " + reference);
            }
            System.out.printf(Locale.ROOT, "round %d: planner %.2f s = %,.0f keys/s | planner+requests %.2f s = "
                            + "%,.0f keys/s | reference loop %.2f s = %,.0f keys/s | planner/reference %.1fx%n",
                    round, plannerOnly, planned / plannerOnly, withRequests, planned / withRequests, loop,
                    reference / loop, plannerOnly / loop);
        }
        long[] liveMax = {0};
        long every = Math.max(1, 2L * symbolCount * DAYS / 10);
        long[] n = {0};
        new KeyPlanner(settings, SymbolSource.fixed(symbols), Clock.systemUTC()).plan(o -> {
            check(factory.create(o));
            if (++n[0] % every == 0) {
                liveMax[0] = Math.max(liveMax[0], liveHeap());
            }
        });
        System.out.printf(Locale.ROOT, "live heap (after GC, sampled every %,d keys) max %s; heap peak %s of -Xmx %s;"
                        + " process peak RSS %s%n", every, mib(liveMax[0]), mib(heapPeak()),
                mib(Runtime.getRuntime().maxMemory()), ProcessMemory.mib(ProcessMemory.peakRssKib()));
        if (args.length > 2 && args[2].equals("--kafka")) {
            KafkaRun.run(settings, symbols);
        }
    }

    private static void check(io.archivesync.avro.FileSyncRequest request) {
        if (request.getDestination().getKey().isEmpty()) {
            throw new IllegalStateException("empty key");
        }
    }

    private static long liveHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** The same keys with string concatenation and nothing else: no filter, no layout code, no request. */
    private static long referenceLoop(List<String> symbols) {
        long n = 0;
        long length = 0;
        for (String symbol : symbols) {
            String prefix = "data/spot/daily/klines/" + symbol + "/1m/";
            for (int d = 0; d < DAYS; d++) {
                String key = prefix + symbol + "-1m-" + FIRST.plusDays(d) + ".zip";
                String sidecar = key + ".CHECKSUM";
                length += key.length() + sidecar.length();
                n += 2;
            }
        }
        if (length == 0) {
            throw new IllegalStateException("no keys");
        }
        return n;
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
