package io.archivesync.benchmarks;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.processor.ProcessorService;
import io.archivesync.processor.batch.BatchDrain;
import io.archivesync.processor.topology.SyncTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The processor's throughput: a million requests, a tenth of them repeats, through validation, dedup and batching,
 * in {@link TopologyTestDriver} (the topology's own cost) and on the embedded broker with exactly-once (the real
 * thing), beside the broker's own produce and consume rate for records of the same size, measured in the same run.
 *
 * <p>The flood (everything sent at once) measures throughput; its latencies are mostly queueing. A second run at a
 * steady rate below capacity ({@code pacedRate=N}, default 5,000 a second, for 20 s) measures latency.
 *
 * <p>Usage: {@code benchmarks/run.sh TopologyBenchmark -Xmx2g -- [requests] [partitions] [both|driver|broker]
 * [pacedRate=N] [path=value ...]}
 */
public final class TopologyBenchmark {

    /** Extra {@code path=value} settings from the command line, e.g. {@code processor.threads=2}. */
    private static final List<String> EXTRA = new java.util.ArrayList<>();
    /** {@code pacedRate=N}: the steady rate of the latency run (0 skips it). */
    private static final String PACED_RATE = "pacedRate=";
    private static final int DEFAULT_PACED_RATE = 5_000;
    private static final int PACED_SECONDS = 20;

    private TopologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("TopologyBenchmark: %,d requests, 10%% repeats, %d partitions, %d cores, max heap %d MiB%n",
                requests, partitions, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        String mode = args.length > 2 ? args[2] : "both";
        int pacedRate = DEFAULT_PACED_RATE;
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith(PACED_RATE)) {
                pacedRate = Integer.parseInt(args[i].substring(PACED_RATE.length()));
            } else {
                EXTRA.add(args[i]);
            }
        }
        if (!mode.equals("broker")) {
            driverRun(requests);
        }
        if (mode.equals("driver")) {
            return;
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            BrokerReference.Rates reference = BrokerReference.measure(kafka.bootstrapServers(), requests, partitions,
                    sampleSize());
            System.out.printf("%nwarm-up: %,d requests through a separate pipeline (JIT compilation, broker caches)%n",
                    requests / 5);
            brokerRun(kafka.bootstrapServers(), requests / 5, partitions, reference, false);
            brokerRun(kafka.bootstrapServers(), requests, partitions, reference, true);
            if (pacedRate > 0) {
                pacedRun(kafka.bootstrapServers(), pacedRate, partitions);
            }
        }
    }

    private static int sampleSize() {
        AppConfig config = config("127.0.0.1:1", 1);
        return Topics.create(config).requests().valueSerde().serializer()
                .serialize("x", new RequestWorkload(1, 0).next()).length;
    }

    static AppConfig config(String bootstrap, int partitions) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> settings = new java.util.ArrayList<>(List.of(
                "kafka.bootstrapServers=" + bootstrap,
                "kafka.schemaRegistryUrl=mock://bench-" + run,
                "topics.prefix=bench-" + run + ".",
                "topics.partitions=" + partitions,
                "processor.applicationId=bench-" + run,
                "processor.batch.maxRequests=500",
                "processor.batch.maxWait=500ms",
                "processor.statusPort=-1",
                // one stream thread per core, as docs/configuration.md advises (the default is 1)
                "processor.threads=" + Runtime.getRuntime().availableProcessors()));
        settings.addAll(EXTRA);
        return new ConfigLoader(new EnvSubstitution(name -> null)).load(null, settings);
    }

    private static void driverRun(int requests) {
        AppConfig config = config("unused:9092", 1);
        Topics topics = Topics.create(config);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-driver");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        RequestWorkload workload = new RequestWorkload(requests, 0.10);
        Serializer<FileSyncRequest> serializer = topics.requests().valueSerde().serializer();
        long batched = 0;
        long start = System.nanoTime();
        try (HeapSampler heap = new HeapSampler();
             TopologyTestDriver driver = new TopologyTestDriver(
                     SyncTopology.build(topics, config.processor(), new BatchDrain()), props, Instant.now())) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(topics.requests().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, CopyBatch> out = driver.createOutputTopic(topics.serverSideBatches().name(),
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    topics.serverSideBatches().valueSerde().deserializer());
            while (workload.hasNext()) {
                FileSyncRequest r = workload.next();
                in.pipeInput(r.getDestination().getKey(), serializer.serialize(topics.requests().name(), r));
                if (workload.duplicates() % 10_000 == 0) {
                    batched += drain(out);
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            batched += drain(out);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%n[TopologyTestDriver] %,d requests in %.1f s = %,.0f requests/s; %,d batched, %,d repeats"
                            + " dropped; peak heap %d MiB%n", requests, seconds, requests / seconds, batched,
                    workload.duplicates(), heap.peakMiB());
        }
    }

    /**
     * Latency where it means something: requests arrive at a steady rate below capacity, for 20 seconds, and each is
     * timed from the moment it was made until its batch is committed and read back.
     */
    private static void pacedRun(String bootstrap, int perSecond, int partitions) throws Exception {
        AppConfig config = config(bootstrap, partitions);
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        int requests = perSecond * PACED_SECONDS;
        RequestWorkload workload = new RequestWorkload(requests, 0.10);
        Percentiles latency = new Percentiles();
        AtomicLong batched = new AtomicLong();
        try (ProcessorService processor = ProcessorService.start(config, Duration.ofSeconds(60));
             BatchCounter counter = new BatchCounter(config, topics, batched, latency)) {
            long start = System.nanoTime();
            long sent = RequestSender.send(config, topics, workload, perSecond);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long expected = sent - workload.duplicates();
            awaitBatched(batched, expected, Duration.ofMinutes(2));
            System.out.printf("%n[paced, exactly_once_v2] %,d requests at %,d/s (sent in %.1f s): end-to-end latency"
                            + " %s%n  (a batch waits up to maxWait=%s for company; commits every %s)%n", sent,
                    perSecond, sendSeconds, latency.summary(), config.processor().batch().maxWait(),
                    config.processor().commitInterval());
        }
    }

    /** Waits until the batch reader has seen {@code expected} requests, failing after {@code limit}. */
    private static void awaitBatched(AtomicLong batched, long expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (batched.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + batched.get() + " of " + expected + " batched in " + limit);
            }
            Thread.sleep(20);
        }
    }

    /** What a thread of this JVM works for, by its name. */
    static String threadGroup(String name) {
        if (name.contains("StreamThread")) {
            return "processor";
        }
        if (name.equals("main") || name.contains("producer-network-thread | producer-")) {
            return "load generator";
        }
        if (name.startsWith("bench-batch-counter") || name.contains("bench-counter")) {
            return "batch reader";
        }
        return "broker and other";
    }

    private static long drain(TestOutputTopic<String, CopyBatch> out) {
        long n = 0;
        while (!out.isEmpty()) {
            n += out.readValue().getRequests().size();
        }
        return n;
    }

    private static void brokerRun(String bootstrap, int requests, int partitions, BrokerReference.Rates reference,
                                  boolean report) throws Exception {
        AppConfig config = config(bootstrap, partitions);
        Topics topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), topics.all());
        RequestWorkload workload = new RequestWorkload(requests, 0.10);
        Percentiles latency = new Percentiles();
        AtomicLong batched = new AtomicLong();
        try (HeapSampler heap = new HeapSampler();
             ProcessorService processor = ProcessorService.start(config, Duration.ofSeconds(60));
             BatchCounter counter = new BatchCounter(config, topics, batched, latency)) {
            ThreadCpu cpu = new ThreadCpu(TopologyBenchmark::threadGroup).start();
            long start = System.nanoTime();
            long sent = RequestSender.send(config, topics, workload);
            long expected = sent - workload.duplicates();
            awaitBatched(batched, expected, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = requests / seconds;
            if (!report) {
                System.out.printf("warm-up done: %,.0f requests/s%n", rate);
                return;
            }
            System.out.printf("%n[embedded broker, exactly_once_v2, %d stream thread(s)] %,d requests in %.1f s = %,.0f"
                            + " requests/s; %,d batched, %,d repeats dropped (metric says %,d)%n",
                    config.processor().threads(), requests, seconds, rate,
                    batched.get(), workload.duplicates(), processor.droppedDuplicates());
            System.out.printf("  end-to-end latency (request made -> its batch committed and read): %s%n",
                    latency.summary());
            System.out.printf("  peak heap of the whole JVM (broker, processor, clients): %d MiB%n", heap.peakMiB());
            System.out.printf("  CPU: %s%n", cpu.report());
            System.out.printf("  reference, same broker, same record size: produce %,.0f records/s, consume %,.0f"
                    + " records/s%n", reference.produce(), reference.consume());
            System.out.printf("  ratio processor / plain produce: %.2f; target >= 20,000 requests/s: %s%n",
                    rate / reference.produce(), rate >= 20_000 ? "met" : "NOT met");
        }
    }
}
