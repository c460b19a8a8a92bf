package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.Topics;
import io.archivesync.schemas.registry.MockSchemaRegistryClient;
import io.archivesync.schemas.serde.PublishedSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * <p>When a schema evolves, its earlier published versions ({@code /published/v1} in the schemas jar, as the first
 * release wrote
 * them) are registered first, in the same order, so they keep the ids that records already in a state directory
 * carry; the current versions follow, get the next ids, and the registry checks each is compatible with the one
 * before it. A new version of a schema adds its predecessor's directory here.
 */
final class PinnedSchemas {

    private PinnedSchemas() {
    }

    /** Earlier published versions, oldest first, each a resource directory of {@code .avsc} files. */
    private static final List<String> EARLIER = List.of("/published/v1/");

    static void register(String scope, Topics topics) {
        MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);
        for (String version : EARLIER) {
            registry.register(subject(topics.requests().name()), earlier(version, "FileSyncRequest"));
            registry.register(subject(topics.serverSideBatches().name()), earlier(version, "CopyBatch"));
            registry.register(subject(topics.streamingBatches().name()), earlier(version, "CopyBatch"));
            registry.register(subject(topics.results().name()), earlier(version, "CopyResult"));
            registry.register(subject(topics.aggregates().name()), earlier(version, "EfficiencyAggregate"));
        }
        registry.register(subject(topics.requests().name()), published(FileSyncRequest.getClassSchema()));
        registry.register(subject(topics.serverSideBatches().name()), published(CopyBatch.getClassSchema()));
        registry.register(subject(topics.streamingBatches().name()), published(CopyBatch.getClassSchema()));
        registry.register(subject(topics.results().name()), published(CopyResult.getClassSchema()));
        registry.register(subject(topics.aggregates().name()), published(EfficiencyAggregate.getClassSchema()));
    }

    private static Schema earlier(String version, String name) {
        try (InputStream in = PinnedSchemas.class.getResourceAsStream(version + name + ".avsc")) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + version + name + ".avsc");
            }
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema published(Schema classSchema) {
        return PublishedSchemas.of(classSchema);
    }

    private static String subject(String topic) {
        return topic + "-value";
    }
}
