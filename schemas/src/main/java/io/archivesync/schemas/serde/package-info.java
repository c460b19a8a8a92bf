/**
 * Kafka serdes for the generated Avro classes, speaking Confluent's wire format (magic byte, schema id, Avro
 * binary) so that any Confluent-compatible producer or consumer can share the topics.
 *
 * <p>{@link io.archivesync.schemas.serde.SpecificAvroSerde} takes Confluent's configuration keys, so it and
 * Confluent's own serde are interchangeable; {@link io.archivesync.schemas.serde.SerdeFactory} picks either by
 * class name from configuration. Deserializing resolves the writer's schema (fetched by id) against the generated
 * class's schema, which is what lets producers and consumers evolve their schemas independently.
 */
package io.archivesync.schemas.serde;
