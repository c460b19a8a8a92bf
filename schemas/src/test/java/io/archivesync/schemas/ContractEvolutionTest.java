package io.archivesync.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.serde.PublishedSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contracts evolve BACKWARD: a reader of today's version reads what the first published version
 * ({@code /published/v1}) wrote, so requests already on the topic stay valid.
 */
class ContractEvolutionTest {

    @ParameterizedTest
    @ValueSource(strings = {"FileSyncRequest", "CopyBatch", "CopyResult", "EfficiencyAggregate"})
    void shouldReadWhatTheFirstPublishedVersionWrote(String name) throws IOException {
        Schema current = PublishedSchemas.of(switch (name) {
            case "FileSyncRequest" -> FileSyncRequest.getClassSchema();
            case "CopyBatch" -> CopyBatch.getClassSchema();
            case "CopyResult" -> CopyResult.getClassSchema();
            default -> EfficiencyAggregate.getClassSchema();
        });

        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(current, v1(name));

        assertThat(compatibility.getType())
                .as(compatibility.getDescription())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldReadAFirstVersionRequestAsAnS3DestinationWithoutLocation() throws IOException {
        Schema old = v1("FileSyncRequest");
        GenericRecord source = new GenericData.Record(old.getField("source").schema());
        source.put("uri", "s3://src/a.zip");
        source.put("region", null);
        source.put("anonymous", false);
        GenericRecord destination = new GenericData.Record(old.getField("destination").schema());
        destination.put("bucket", "dst");
        destination.put("key", "a.zip");
        GenericRecord request = new GenericData.Record(old);
        for (Schema.Field f : old.getFields()) {
            if (f.hasDefaultValue()) {
                request.put(f.name(), GenericData.get().getDefaultValue(f));
            }
        }
        request.put("requestId", "r1");
        request.put("source", source);
        request.put("destination", destination);
        request.put("requestedAt", 1L);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(old).write(request, encoder);
        encoder.flush();
        FileSyncRequest read = new SpecificDatumReader<FileSyncRequest>(old, FileSyncRequest.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.getDestination().getBucket()).isEqualTo("dst");
        assertThat(read.getDestination().getUri()).isNull();
        assertThat(read.getDestination().getStorageClass()).isNull();
        assertThat(io.archivesync.schemas.key.RecordKey.of(read)).isEqualTo("dst/a.zip");
    }

    private static Schema v1(String name) throws IOException {
        try (InputStream in = ContractEvolutionTest.class.getResourceAsStream("/published/v1/" + name + ".avsc")) {
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
