package io.archivesync.cli.pipeline;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.registry.RestSchemaRegistryClient;
import io.archivesync.schemas.serde.AvroSerdeConfig;
import io.archivesync.schemas.serde.ConfluentWireFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A newer version of the request schema (one more optional field, {@value #FIELD}), registered under the requests
 * topic's subject, and requests written with it.
 *
 * <p>Why: registry clients cache writer schemas by id, so a processor that has read requests before asks the
 * registry nothing for more of them. A request written with a version it has not seen makes it ask.
 */
final class NewerRequestSchema {

    static final String FIELD = "itProbe";

    private final int id;

    /** Registers the newer version on the registry at {@code registryUrl} (the real one, not a proxy). */
    NewerRequestSchema(String registryUrl, String requestsTopic) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(Map.of("schema.registry.url", registryUrl));
        id = registry.register(AvroSerdeConfig.subjectName(requestsTopic, false), withProbeField());
    }

    /** The registry's id of the newer version. */
    int id() {
        return id;
    }

    /**
     * The same request framed with the newer schema: Avro writes a record's fields in order, so the payload is the
     * old one followed by the new field, {@code null} (union branch 0, one zero byte).
     */
    byte[] rewrite(byte[] framedWithOlderSchema) {
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.decode(framedWithOlderSchema);
        byte[] payload = Arrays.copyOfRange(frame.data(), frame.payloadOffset(),
                frame.payloadOffset() + frame.payloadLength() + 1);
        payload[payload.length - 1] = 0;
        return ConfluentWireFormat.encode(id, payload);
    }

    private static Schema withProbeField() {
        Schema current = FileSyncRequest.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field(FIELD, optionalString, "added by a test", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }
}
