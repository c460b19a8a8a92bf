package io.archivesync.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry the serdes need.
 *
 * <p>Implementations cache both directions (schema to id per subject, id to schema), because a serializer asks
 * for the id of the same schema for every record and must not make an HTTP call each time. Every failure is a
 * {@link SchemaRegistryException} carrying the HTTP status and the registry's own error code.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} (a no-op returning the existing id if it is already there).
     *
     * @return the registry-wide schema id
     * @throws SchemaRegistryException e.g. status 409 when the subject's compatibility level refuses the schema
     */
    int register(String subject, Schema schema);

    /**
     * Looks up the id of a schema already registered under {@code subject}, without registering it; for
     * producers that run with {@code auto.register.schemas=false}.
     *
     * @throws SchemaRegistryException status 404 when the subject or the schema is unknown
     */
    int getId(String subject, Schema schema);

    /**
     * Fetches the schema with a registry-wide id, as found in the header of a record in the Confluent wire format.
     *
     * @throws SchemaRegistryException status 404 when no schema has that id
     */
    Schema getById(int id);

    /**
     * Sets the compatibility level ({@code NONE}, {@code BACKWARD}, {@code FORWARD}, {@code FULL} and their
     * {@code _TRANSITIVE} forms) of one subject, or the registry's global default when {@code subject} is null.
     */
    void setCompatibility(String subjectOrNullForGlobal, String level);

    /**
     * Asks whether {@code schema} could be registered under {@code subject} given its compatibility level, testing
     * against the latest version. A subject with no versions accepts anything.
     */
    boolean testCompatibility(String subject, Schema schema);
}
