package io.archivesync.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.schemas.registry.RegistryClientConfig;
import io.archivesync.schemas.registry.RestSchemaRegistryClient;
import io.archivesync.schemas.serde.AvroSerdeConfig;
import io.archivesync.schemas.serde.ConfluentWireFormat;
import io.archivesync.schemas.serde.PublishedAvsc;
import io.archivesync.schemas.serde.SpecificAvroSerde;
import io.archivesync.schemas.serde.TestRecords;

/**
 * A third party that knows only the published {@code .avsc} files (Avro's parser, GenericRecord, no generated class)
 * and runs with {@code auto.register.schemas=false}, as production producers do, shares schema ids with our serde on
 * a real registry: what we register is what they look up, and the other way round.
 */
@ExtendWith(StackExtension.class)
class PublishedContractIT {

    private static final Schema PUBLISHED = PublishedAvsc.parse("FileSyncRequest");

    private final String registryUrl;

    PublishedContractIT(Stack stack) {
        this.registryUrl = stack.schemaRegistryUrl();
    }

    @Test
    void shouldLetAThirdPartyLookUpWhatOurSerdeRegistered() throws IOException {
        // Given our serde registered the request schema by writing a record
        String topic = unique("requests");
        SpecificAvroSerde<FileSyncRequest> ours = serde(true);
        byte[] written = ours.serializer().serialize(topic, TestRecords.fileSyncRequest("ours-1"));

        // When a third party looks up the schema it parsed from the .avsc files, without registering it
        int theirId = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl))
                .getId(topic + "-value", PUBLISHED);
        byte[] theirs = ConfluentWireFormat.encode(theirId, encode(genericRequest("theirs-1")));

        // Then it finds our id, our serde reads its record, and it reads ours with the published schema
        assertThat(theirId).isEqualTo(ConfluentWireFormat.decode(written).schemaId());
        assertThat(ours.deserializer().deserialize(topic, theirs).getRequestId()).isEqualTo("theirs-1");
        assertThat(decode(written).get("requestId")).hasToString("ours-1");
    }

    @Test
    void shouldLetOurSerdeLookUpWhatAThirdPartyRegistered() {
        // Given a deployment pipeline registered the published schema from the .avsc files
        String topic = unique("requests");
        int registered = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl))
                .register(topic + "-value", PUBLISHED);

        // When our serde writes with auto.register.schemas=false
        byte[] written = serde(false).serializer().serialize(topic, TestRecords.fileSyncRequest("ours-2"));

        // Then it found that schema rather than failing with 40403
        assertThat(ConfluentWireFormat.decode(written).schemaId()).isEqualTo(registered);
        assertThat(serde(false).deserializer().deserialize(topic, written).getRequestId()).isEqualTo("ours-2");
    }

    private SpecificAvroSerde<FileSyncRequest> serde(boolean autoRegister) {
        SpecificAvroSerde<FileSyncRequest> serde = SpecificAvroSerde.forClass(FileSyncRequest.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister), false);
        return serde;
    }

    private static GenericRecord genericRequest(String requestId) {
        return new GenericRecordBuilder(PUBLISHED)
                .set("requestId", requestId)
                .set("source", new GenericRecordBuilder(PUBLISHED.getField("source").schema())
                        .set("uri", "s3://bucket/a.zip").set("anonymous", true).build())
                .set("destination", new GenericRecordBuilder(PUBLISHED.getField("destination").schema())
                        .set("bucket", "mirror").set("key", "a.zip").build())
                .set("requestedAt", TestRecords.REQUESTED_AT.toEpochMilli())
                .build();
    }

    private static byte[] encode(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(PUBLISHED).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private GenericRecord decode(byte[] framed) throws IOException {
        ConfluentWireFormat.Frame frame = ConfluentWireFormat.decode(framed);
        Schema writer = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl)).getById(frame.schemaId());
        return new GenericDatumReader<GenericRecord>(writer, PUBLISHED).read(null, DecoderFactory.get()
                .binaryDecoder(framed, frame.payloadOffset(), frame.payloadLength(), null));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
