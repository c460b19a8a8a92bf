package io.archivesync.cli.demo;

import io.archivesync.embedded.ApicurioRegistry;
import io.archivesync.embedded.EmbeddedKafka;
import io.archivesync.embedded.EmbeddedS3;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The servers the demo starts in its own JVM (and the registry as a child process): a KRaft broker, S3Proxy backed
 * by a directory, so the mirror can be looked at after the demo, and the Apicurio registry.
 */
final class DemoStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedS3 s3;
    private final ApicurioRegistry registry;

    private DemoStack(EmbeddedKafka kafka, EmbeddedS3 s3, ApicurioRegistry registry) {
        this.kafka = kafka;
        this.s3 = s3;
        this.registry = registry;
    }

    static DemoStack start(Path s3Dir, PrintStream out) {
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        out.printf("  kafka     %s (KRaft, in this JVM)%n", kafka.bootstrapServers());
        EmbeddedS3 s3 = null;
        try {
            s3 = EmbeddedS3.start(EmbeddedS3.Options.defaults().withDataDir(s3Dir));
            out.printf("  s3        %s (S3Proxy, files under %s)%n", s3.endpoint(), s3Dir);
            ApicurioRegistry registry = ApicurioRegistry.start();
            out.printf("  registry  %s (Apicurio, child process)%n", registry.confluentApiUrl());
            out.printf("  started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return new DemoStack(kafka, s3, registry);
        } catch (RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
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

    ApicurioRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
        s3.close();
        kafka.close();
    }
}
