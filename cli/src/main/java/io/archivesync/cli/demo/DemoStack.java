package io.archivesync.cli.demo;

import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.embedded.EmbeddedS3;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The servers the demo starts in its own JVM: a KRaft broker, and S3Proxy backed by a directory, so the mirror can be
 * looked at after the demo.
 *
 * <p>Why no registry server: producer, processor and sink all run in this one JVM, so the in-memory registry
 * ({@code mock://}) serves them all. That keeps the launcher jar free of the Apicurio launcher and the demo free of a
 * second JVM and of the build tree; the integration tests run the same pipeline against a real Apicurio registry.
 */
final class DemoStack implements AutoCloseable {

    /** The JVM-wide in-memory schema registry the demo's producer, processor and sink share. */
    static final String SCHEMA_REGISTRY_URL = "mock://archive-sync-demo";

    private final EmbeddedKafka kafka;
    private final EmbeddedS3 s3;

    private DemoStack(EmbeddedKafka kafka, EmbeddedS3 s3) {
        this.kafka = kafka;
        this.s3 = s3;
    }

    static DemoStack start(Path s3Dir, PrintStream out) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        out.printf("  kafka     %s (KRaft, in this JVM)%n", kafka.bootstrapServers());
        try {
            EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.defaults().withDataDir(s3Dir));
            out.printf("  s3        %s (S3Proxy, files under %s)%n", s3.endpoint(), s3Dir);
            out.printf("  registry  %s (in memory, in this JVM)%n", SCHEMA_REGISTRY_URL);
            out.printf("  started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return new DemoStack(kafka, s3);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    EmbeddedS3 s3() {
        return s3;
    }

    String schemaRegistryUrl() {
        return SCHEMA_REGISTRY_URL;
    }

    @Override
    public void close() {
        s3.close();
        kafka.close();
    }
}
