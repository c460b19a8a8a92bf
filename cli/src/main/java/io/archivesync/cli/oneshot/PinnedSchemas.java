package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.Topics;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;
import io.archivesync.schemas.serde.PublishedSchemas;
import org.apache.avro.Schema;

/**
 * Gives the in-JVM registry the same schema ids in every run. Records on the persistent broker carry the ids of the
 * run that wrote them, and the in-memory registry numbers schemas in the order they are first registered, which
 * depends on which service starts first; registering the four value schemas first, always in this order, gives each
 * the same id every time, so a later run reads an earlier run's records. What is registered must be what the
 * serializers register, the published schema ({@link PublishedSchemas}), not the generated class's annotated one:
 * pinning the latter left the ids in use to the order of first use in each process, and a second run in a new
 * process failed on the first result it read ("Schema 7 not found").
 *
 * <p>Limit: a future version that changes one of these schemas would give it a new id in a new state directory's
 * terms but the old id here; such a version must keep the registry with the state (see docs/one-shot.md).
 */
final class PinnedSchemas {

    private PinnedSchemas() {
    }

    static void register(String scope, Topics topics) {
        MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);
        registry.register(subject(topics.requests().name()), published(FileSyncRequest.getClassSchema()));
        registry.register(subject(topics.serverSideBatches().name()), published(CopyBatch.getClassSchema()));
        registry.register(subject(topics.streamingBatches().name()), published(CopyBatch.getClassSchema()));
        registry.register(subject(topics.results().name()), published(CopyResult.getClassSchema()));
        registry.register(subject(topics.aggregates().name()), published(EfficiencyAggregate.getClassSchema()));
    }

    private static Schema published(Schema classSchema) {
        return PublishedSchemas.of(classSchema);
    }

    private static String subject(String topic) {
        return topic + "-value";
    }
}
