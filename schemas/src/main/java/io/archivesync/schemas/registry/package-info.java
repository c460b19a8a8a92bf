/**
 * Clients for a schema registry speaking Confluent's REST API (Confluent itself, Apicurio's {@code ccompat}
 * API, Karapace), written here because Confluent's own jars are not available to this build.
 *
 * <p>{@link io.archivesync.schemas.registry.SchemaRegistryClient} is the one interface the serdes use;
 * {@link io.archivesync.schemas.registry.RestSchemaRegistryClient} talks HTTP, and
 * {@link io.archivesync.schemas.registry.MockSchemaRegistryClient} keeps everything in memory for
 * {@code mock://scope} URLs, as Confluent's mock does, so topology tests need no server.
 * {@link io.archivesync.schemas.registry.SchemaRegistryClients} picks between them from the serde configuration.
 */
package io.archivesync.schemas.registry;
