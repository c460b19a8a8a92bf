package io.archivesync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.archivesync.avro.CopyBatch;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.avro.FileSyncRequest;

/** What the serde registers is the published contract, text for text, not the generated class's variant. */
class PublishedSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {"FileSyncRequest", "CopyBatch", "CopyResult", "EfficiencyAggregate"})
    void shouldGiveBackThePublishedSchemaTextForEveryGeneratedClass(String name) {
        // Given the schema a third party parses from the published .avsc files
        Schema published = PublishedAvsc.parse(name);

        // When the generated class's schema is turned into what the serde registers
        Schema registered = PublishedSchemas.of(generated(name));

        // Then the text, and so what a registry compares, is the same, and nothing Java-specific is left
        assertThat(registered.toString()).isEqualTo(published.toString());
        assertThat(registered).isEqualTo(published);
        assertThat(registered.toString()).doesNotContain(PublishedSchemas.JAVA_STRING_PROPERTY);
        assertThat(SchemaNormalization.parsingFingerprint64(registered))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(generated(name)));
    }

    private static Schema generated(String name) {
        return switch (name) {
            case "FileSyncRequest" -> FileSyncRequest.getClassSchema();
            case "CopyBatch" -> CopyBatch.getClassSchema();
            case "CopyResult" -> CopyResult.getClassSchema();
            case "EfficiencyAggregate" -> EfficiencyAggregate.getClassSchema();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
