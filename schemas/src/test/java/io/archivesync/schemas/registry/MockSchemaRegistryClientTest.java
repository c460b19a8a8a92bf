package io.archivesync.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryClientTest {

    private static final String SUBJECT = "orders-value";
    private static final Schema V1 = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("id").endRecord();
    private static final Schema V2_OPTIONAL = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("id").name("note").type().stringType().stringDefault("").endRecord();
    private static final Schema V2_REQUIRED = SchemaBuilder.record("Order").namespace("test").fields()
            .requiredString("id").requiredInt("quantity").endRecord();

    private final MockSchemaRegistryClient registry = new MockSchemaRegistryClient();

    @AfterEach
    void dropScopes() {
        MockSchemaRegistryClient.drop("shared");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaOnceBackwardIsSet() {
        // Given a subject with one version and BACKWARD compatibility
        registry.register(SUBJECT, V1);
        registry.setCompatibility(SUBJECT, "BACKWARD");

        // When a schema adds a required field (new readers cannot read old data)
        // Then registration is refused with 409, as a registry would, and the test endpoint agrees
        assertThat(registry.testCompatibility(SUBJECT, V2_REQUIRED)).isFalse();
        assertThatThrownBy(() -> registry.register(SUBJECT, V2_REQUIRED))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains(SUBJECT).contains("BACKWARD");
                });
    }

    @Test
    void shouldAcceptAnOptionalFieldWithADefaultUnderBackward() {
        // Given a BACKWARD subject with one version
        int v1 = registry.register(SUBJECT, V1);
        registry.setCompatibility(SUBJECT, "backward");

        // When an optional field with a default is added
        int v2 = registry.register(SUBJECT, V2_OPTIONAL);

        // Then it gets a new id and both are fetchable
        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.getById(v2)).isEqualTo(V2_OPTIONAL);
        assertThat(registry.getId(SUBJECT, V1)).isEqualTo(v1);
    }

    @Test
    void shouldAcceptAnythingUnderTheDefaultLevelNone() {
        // Given a subject with no level set / When an incompatible version is registered / Then it is accepted
        registry.register(SUBJECT, V1);
        assertThat(registry.register(SUBJECT, V2_REQUIRED)).isPositive();
    }

    @Test
    void shouldApplyTheGlobalLevelToSubjectsWithoutTheirOwn() {
        // Given FORWARD set globally (old readers must read new data)
        registry.setCompatibility(null, "FORWARD");
        registry.register(SUBJECT, V2_REQUIRED);

        // When a version drops the field old readers require / Then it is refused
        assertThat(registry.testCompatibility(SUBJECT, V1)).isFalse();
        // And a subject-level NONE overrides the global level
        registry.setCompatibility(SUBJECT, "NONE");
        assertThat(registry.testCompatibility(SUBJECT, V1)).isTrue();
    }

    @Test
    void shouldKeepOneIdPerSchemaAcrossSubjectsAndReRegistrations() {
        // Given a schema registered under two subjects, twice
        int first = registry.register("a-value", V1);
        int again = registry.register("a-value", V1);
        int other = registry.register("b-value", V1);

        // Then ids are registry-wide, as in Confluent's registry
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(first);
    }

    @Test
    void shouldReportUnknownSubjectsSchemasAndIdsAsNotFound() {
        // Given a registry with one schema
        registry.register(SUBJECT, V1);

        // When asking for what is not there / Then 404 with Confluent's error codes
        assertThatThrownBy(() -> registry.getId("nope-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> registry.getId(SUBJECT, V2_OPTIONAL))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.getById(999))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void shouldTreatASubjectWithoutVersionsAsCompatible() {
        // Given BACKWARD_TRANSITIVE and an empty subject / When tested / Then anything may be the first version
        registry.setCompatibility(SUBJECT, "BACKWARD_TRANSITIVE");
        assertThat(registry.testCompatibility(SUBJECT, V2_REQUIRED)).isTrue();
    }

    @Test
    void shouldRejectAnUnknownLevelWith422() {
        // Given / When an invalid level is set / Then the registry's 422 is mirrored
        assertThatThrownBy(() -> registry.setCompatibility(SUBJECT, "SOMETIMES"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void shouldShareOneRegistryPerScopeUntilDropped() {
        // Given two serde configurations naming the same mock scope
        Map<String, Object> configs = Map.of(RegistryClientConfig.SCHEMA_REGISTRY_URL, "mock://shared");
        SchemaRegistryClient first = SchemaRegistryClients.create(configs);
        int id = first.register(SUBJECT, V1);

        // When a second client is created for the scope / Then it sees the same schemas
        assertThat(SchemaRegistryClients.create(configs)).isSameAs(first);

        // And after drop the scope starts empty
        MockSchemaRegistryClient.drop("shared");
        SchemaRegistryClient fresh = SchemaRegistryClients.create(configs);
        assertThat(fresh).isNotSameAs(first);
        assertThatThrownBy(() -> fresh.getById(id)).isInstanceOf(SchemaRegistryException.class);
    }
}
