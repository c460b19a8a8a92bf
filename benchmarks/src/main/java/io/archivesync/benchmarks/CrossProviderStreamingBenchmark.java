package io.archivesync.benchmarks;

import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.embedded.EmbeddedAzurite;
import io.archivesync.embedded.EmbeddedS3;
import io.archivesync.embedded.Stack;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A copy of one object (default 64 MiB) from S3 to the other providers, streamed through this process, in one run:
 * S3 → Azure (Azurite) and S3 → GCS (the tests' GCS JSON API fixture), each by our storage-level transfer
 * ({@code StreamTransfer.stream} from an {@code S3BlobStore} to an {@code AzureBlobStore} / {@code GcsBlobStore}) and
 * by the plain SDK GET→PUT a user would write ({@link CrossProviderContender}). The boundary is the transfer of one
 * object between two stores, not the pipeline (no Kafka, no copier decorators).
 *
 * <p>Every server runs outside this JVM (S3Proxy and the GCS fixture in JVMs of their own, Azurite in node), so the
 * peak heap, sampled every 5 ms during a copy (garbage not yet collected included), is the copying side's. First an
 * untimed pass copies once per path and contender with every request counted (S3 and Azure by a proxy in front of
 * the server, GCS by the client's transport), which also warms the JIT; then {@code --rounds} timed rounds on direct
 * connections, contenders alternating in order, each copy read back and compared with the source (size and SHA-256).
 *
 * <p>Arguments: {@code --size-mib N} (64), {@code --rounds N} (3), {@code --part-mib N} (the copier's default
 * {@code sink.streaming.partSize}). Run with {@code -Xmx512m}.
 */
public final class CrossProviderStreamingBenchmark {

    private static final long MIB = 1 << 20;
    private static final long SAMPLE_MILLIS = 5;

    private CrossProviderStreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = ServerSideCopyBenchmark.intArg(args, "--size-mib", 64) * MIB;
        int rounds = ServerSideCopyBenchmark.intArg(args, "--rounds", 3);
        EmbeddedS3.Options o = EmbeddedS3.Options.defaults();
        boolean allCorrect;
        try (S3ServerProcess s3Server = S3ServerProcess.start(null, 0);
             GcsServerProcess gcsServer = GcsServerProcess.start(gcsHeapMiB(size, rounds));
             EmbeddedAzurite azurite = EmbeddedAzurite.start()) {
            Stack.S3Endpoint s3 = new Stack.S3Endpoint(s3Server.endpoint, EmbeddedS3.REGION, o.accessKey(),
                    o.secretKey());
            long defaultPart = BenchSupport.config(s3Server.endpoint, o.accessKey(), o.secretKey(), 1).sink()
                    .streaming().partSize();
            int partBytes = (int) (ServerSideCopyBenchmark.intArg(args, "--part-mib", (int) (defaultPart / MIB)) * MIB);
            SourceObject source;
            try (S3Client admin = s3.newClient()) {
                source = SourceObject.populate(admin, "source", "big.bin", size);
            }
            System.out.printf(Locale.ROOT, "object: %d MiB in S3Proxy (in memory, own JVM), sha256 %s; max heap %d MiB;"
                            + " %d round(s), part size %d MiB; %d cores%n", size / MIB, source.sha256(),
                    Runtime.getRuntime().maxMemory() / MIB, rounds, partBytes / MIB,
                    Runtime.getRuntime().availableProcessors());
            List<CrossProviderRow> rows = new ArrayList<>();
            allCorrect = countingPass(s3, azurite.endpoint(), gcsServer, source, partBytes, rows);
            allCorrect &= timedRounds(s3, azurite.endpoint(), gcsServer, source, partBytes, rounds, rows);
            printSummary(rows, size);
        }
        if (!allCorrect) {
            System.out.println("SOME COPIES WERE WRONG: the figures above are not of correct copies");
            System.exit(1);
        }
    }

    /**
     * The GCS fixture keeps every finished resumable upload in memory (its session with the bytes received, up to
     * twice the object in a growing buffer, and the object written), also after the object is deleted: room for all
     * the uploads of the run, four times the object each, plus 1 GiB.
     */
    private static long gcsHeapMiB(long size, int rounds) {
        return 1024 + (2 + 2L * rounds) * 4 * size / MIB;
    }

    /**
     * One untimed copy per path and contender with every request counted; the rows are created here. False when any
     * copy read back differs from the source.
     */
    private static boolean countingPass(Stack.S3Endpoint s3, AzureBlobEndpoint azure, GcsServerProcess gcsServer,
                                        SourceObject source, int partBytes, List<CrossProviderRow> rows)
            throws Exception {
        CountingConnectionFactory gcsCounter = new CountingConnectionFactory();
        boolean allCorrect = true;
        try (CountingHttpProxy s3Proxy = CountingHttpProxy.to(s3.endpoint());
             CountingHttpProxy azureProxy = CountingHttpProxy.to(azure.blobEndpoint());
             SourceClients from = SourceClients.on(new Stack.S3Endpoint(s3Proxy.proxied(s3.endpoint()), s3.region(),
                     s3.accessKey(), s3.secretKey()));
             CopyDestination toAzure = new AzuriteDestination(new AzureBlobEndpoint(
                     azureProxy.proxied(azure.blobEndpoint()), azure.accountName(), azure.accountKey()));
             CopyDestination toGcs = new GcsDestination(gcsServer.endpoint, gcsCounter)) {
            List<CopyDestination> destinations = List.of(toAzure, toGcs);
            List<RequestTally> tallies = List.of(azureProxy.tally(), gcsCounter.tally());
            for (int d = 0; d < destinations.size(); d++) {
                CopyDestination to = destinations.get(d);
                for (CrossProviderContender contender : CrossProviderContender.values()) {
                    String key = "counted-" + contender.name().toLowerCase(Locale.ROOT) + ".bin";
                    CrossProviderRow row = new CrossProviderRow("S3 → " + to.name(), contender,
                            contender.label(to, partBytes));
                    s3Proxy.tally().reset();
                    tallies.get(d).reset();
                    int reported = contender.copy(from, source, to, key, partBytes);
                    RequestTally destination = tallies.get(d);
                    row.counted(reported, s3Proxy.tally().total() + destination.total(), "S3: "
                            + s3Proxy.tally().breakdown() + "; " + to.name() + ": " + destination.breakdown());
                    boolean correct = source.matches(to.readBack(key));
                    allCorrect &= correct;
                    to.delete(key);
                    System.out.printf("counting pass: %s, %s: %s%s%n", row.path, row.label, row.requests(),
                            correct ? "" : "  WRONG COPY");
                    rows.add(row);
                }
            }
        }
        return allCorrect;
    }

    /** The timed rounds on direct connections; false when any copy read back differs from the source. */
    private static boolean timedRounds(Stack.S3Endpoint s3, AzureBlobEndpoint azure, GcsServerProcess gcsServer,
                                       SourceObject source, int partBytes, int rounds, List<CrossProviderRow> rows)
            throws Exception {
        boolean allCorrect = true;
        try (SourceClients from = SourceClients.on(s3);
             CopyDestination toAzure = new AzuriteDestination(azure);
             CopyDestination toGcs = new GcsDestination(gcsServer.endpoint, null)) {
            System.out.printf("round  path                  %-80s  seconds  MiB/s    peak heap MiB  heap before MiB"
                    + "  copy%n", "contender");
            for (int r = 1; r <= rounds; r++) {
                for (CopyDestination to : List.of(toAzure, toGcs)) {
                    List<CrossProviderContender> order = new ArrayList<>(List.of(CrossProviderContender.values()));
                    if (r % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (CrossProviderContender contender : order) {
                        CrossProviderRow row = rows.stream().filter(x -> x.path.equals("S3 → " + to.name())
                                && x.contender == contender).findFirst().orElseThrow();
                        String key = "r" + r + "-" + contender.name().toLowerCase(Locale.ROOT) + ".bin";
                        System.gc();
                        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
                        double seconds;
                        long peak;
                        try (HeapSampler sampler = new HeapSampler(SAMPLE_MILLIS)) {
                            long t0 = System.nanoTime();
                            contender.copy(from, source, to, key, partBytes);
                            seconds = (System.nanoTime() - t0) / 1e9;
                            peak = sampler.peakMiB();
                        }
                        boolean correct = source.matches(to.readBack(key));
                        allCorrect &= correct;
                        to.delete(key);
                        row.timed(seconds, peak);
                        System.out.printf(Locale.ROOT, "%5d  %-20s  %-80s  %7s  %7s  %13d  %15d  %s%n", r, row.path,
                                row.label, BenchSupport.fmt(seconds), BenchSupport.fmt(source.size() / (double) MIB
                                        / seconds), peak, before, correct ? "verified (size, SHA-256)" : "WRONG COPY");
                    }
                }
            }
        }
        return allCorrect;
    }

    /** The table for docs/benchmarks.md: median time of the rounds, each contender beside its reference. */
    private static void printSummary(List<CrossProviderRow> rows, long size) {
        System.out.println();
        System.out.println("| path | contender | median s (rounds) | MiB/s | peak heap MiB, max (rounds) "
                + "| storage requests per object |");
        System.out.println("|---|---|---:|---:|---:|---|");
        for (CrossProviderRow row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s (%s) | %s | %d (%s) | %s |%n", row.path, row.label,
                    BenchSupport.fmt(row.medianSeconds()), row.allSeconds(), BenchSupport.fmt(row.mibPerSecond(size)),
                    row.maxPeakHeapMiB(), row.allPeaks(), row.requests());
        }
        System.out.println();
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            CrossProviderRow ours = rows.get(i);
            CrossProviderRow plain = rows.get(i + 1);
            System.out.printf(Locale.ROOT, "%s: archive-sync / plain SDK throughput %s (median times), peak heap "
                            + "%d vs %d MiB%n", ours.path, BenchSupport.fmt(plain.medianSeconds()
                            / ours.medianSeconds()), ours.maxPeakHeapMiB(), plain.maxPeakHeapMiB());
        }
    }
}
