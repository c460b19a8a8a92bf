package io.archivesync.cli.oneshot;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.embedded.Stack;
import io.archivesync.processor.ProcessorService;
import io.archivesync.sink.CopierService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A cluster's services, as they run elsewhere for a {@code copy --bootstrap-servers}: a processor and a copier on the
 * stack's broker and registry, isolated by a unique topic prefix, application id and group.
 */
final class ClusterServices implements AutoCloseable {

    final String topicPrefix;
    private final ProcessorService processor;
    private final CopierService copier;

    ClusterServices(Stack stack) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topicPrefix = "oneshot-" + run + ".";
        AppConfig config = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=" + stack.schemaRegistryUrl(),
                "topics.prefix=" + topicPrefix,
                "topics.partitions=2",
                "s3.endpoint=" + stack.s3().endpoint(),
                "s3.region=" + stack.s3().region(),
                "s3.accessKey=" + stack.s3().accessKey(),
                "s3.secretKey=" + stack.s3().secretKey(),
                "s3.pathStyle=true",
                "processor.applicationId=oneshot-processor-" + run,
                "processor.batch.maxWait=200ms",
                "processor.statusPort=-1",
                "sink.statusPort=-1",
                "sink.groupId=oneshot-sink-" + run,
                "sink.transactionalIdPrefix=oneshot-sink-" + run));
        processor = ProcessorService.start(config, Duration.ofSeconds(60));
        try {
            copier = CopierService.start(config);
        } catch (RuntimeException e) {
            processor.close();
            throw e;
        }
    }

    @Override
    public void close() {
        copier.close();
        processor.close();
    }
}
