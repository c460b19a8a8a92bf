package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.schemas.registry.SchemaRegistryClients;

/**
 * Refuses a {@code mock://} registry in a command that runs as its own process: the in-memory registry lives in one
 * JVM, so the ids one process registers mean nothing to the next, and records would fail to decode far from the cause.
 * The demo and the tests run every service in one JVM and may keep using it.
 */
public final class SharedRegistry {

    private SharedRegistry() {
    }

    public static AppConfig require(AppConfig config) {
        String url = config.kafka().schemaRegistryUrl();
        if (url.startsWith(SchemaRegistryClients.MOCK_SCHEME)) {
            throw new ConfigException("kafka.schemaRegistryUrl", "'" + url + "' is an in-memory registry that only "
                    + "exists inside one JVM, and each command runs in its own process; point it at a real registry, "
                    + "e.g. http://host:8080/apis/ccompat/v7 for Apicurio");
        }
        return config;
    }
}
