package io.archivesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What libraries throw is said in the operator's terms, with passwords in URLs masked. */
class ErrorMessagesTest {

    @Test
    void shouldSayTheRegistryUrlLacksItsApiPathOnAPlain404() {
        // Given what Apicurio's root answers to a Confluent API call, wrapped as the serializer wraps it
        var failure = new SerializationException("Error registering Avro schema", new SchemaRegistryException(
                "Schema registry POST http://reg:8080/subjects/t-value/versions failed: HTTP 404, error_code 404: "
                        + "RESTEASY003210: Could not find resource for full path", 404, 404));

        // When
        String line = ErrorMessages.describe(failure);

        // Then
        assertThat(line).startsWith("kafka.schemaRegistryUrl: ")
                .contains("the URL must include the API path, e.g. http://host:8080/apis/ccompat/v7 for Apicurio")
                .contains("RESTEASY003210");
    }

    @Test
    void shouldNotBlameTheUrlForAnUnknownSubject() {
        // Given a registry API that answers with its own error code
        var failure = new SchemaRegistryException("Subject 't-value' not found.", 404,
                SchemaRegistryException.SUBJECT_NOT_FOUND);

        // When / Then
        assertThat(ErrorMessages.describe(failure)).isEqualTo("kafka.schemaRegistryUrl: Subject 't-value' not found.");
    }

    @Test
    void shouldMaskAPasswordInAUrlOfTheMessage() {
        // Given / When
        String line = ErrorMessages.describe(new IllegalStateException(
                "No schema registry reachable (tried [http://user:s3cret@reg:8080/apis/ccompat/v7])"));

        // Then
        assertThat(line).doesNotContain("s3cret").contains("http://user:****@reg:8080/apis/ccompat/v7");
    }
}
