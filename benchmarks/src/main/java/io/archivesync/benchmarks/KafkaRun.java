package io.archivesync.benchmarks;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.ProducerSettings;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.producer.ProducerJob;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The same generate plan produced to an embedded KRaft broker through {@link ProducerJob} (in-memory schema
 * registry), against the reference of a plain idempotent producer sending as many records of the same size with the
 * same settings ({@code acks=all}, {@code linger.ms=10}) but without idempotence.
 */
final class KafkaRun {

    private static final int VALUE_BYTES = 330;

    private KafkaRun() {
    }

    static void run(ProducerSettings plan, List<String> symbols) {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                    "kafka.bootstrapServers=" + kafka.bootstrapServers(),
                    "kafka.schemaRegistryUrl=mock://enumeration-benchmark",
                    "topics.prefix=bench.", "topics.partitions=6",
                    "producer.strategy=generate", "producer.intervals=[1m]",
                    "producer.from=" + plan.from(), "producer.to=" + plan.to(),
                    "producer.symbols=[" + String.join(",", symbols) + "]"));
            long t0 = System.nanoTime();
            long emitted = new ProducerJob(config).run(n -> { });
            double job = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "to Kafka: ProducerJob %,d requests in %.2f s = %,.0f/s, process peak RSS "
                    + "%s (broker in the same JVM)%n", emitted, job, emitted / job,
                    ProcessMemory.mib(ProcessMemory.peakRssKib()));
            long t1 = System.nanoTime();
            long sent = reference(config, emitted);
            double plain = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "reference: plain producer %,d x %d B in %.2f s = %,.0f/s | "
                    + "ProducerJob/plain %.1fx%n", sent, VALUE_BYTES, plain, sent / plain, job / plain);
        }
    }

    private static long reference(AppConfig config, long count) {
        Map<String, Object> c = config.kafka().clientConfig();
        // Not idempotent: an idempotent plain producer flooding the in-JVM broker as fast as it can went into
        // endless OUT_OF_ORDER_SEQUENCE_NUMBER retries here (see docs/benchmarks.md).
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            admin.createTopics(List.of(new NewTopic("bench.reference", 6, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the reference topic", e);
        }
        byte[] value = new byte[VALUE_BYTES];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(c, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("bench.reference", "lakehouse/binance/data/spot/daily/klines/"
                        + i, value));
            }
            producer.flush();
        }
        return count;
    }
}
