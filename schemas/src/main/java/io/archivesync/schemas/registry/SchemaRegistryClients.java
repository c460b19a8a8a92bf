package io.archivesync.schemas.registry;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Chooses the registry client from serde configuration, the way Confluent's serdes do: a
 * {@code schema.registry.url} of {@code mock://scope} means the JVM-wide in-memory registry of that scope,
 * anything else the REST client.
 */
public final class SchemaRegistryClients {

    /** URL scheme prefix selecting {@link MockSchemaRegistryClient}. */
    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * Creates (or, for {@code mock://}, finds) the client configured by {@code serdeConfig}.
     *
     * @throws ConfigException when {@code schema.registry.url} is missing or malformed
     */
    public static SchemaRegistryClient create(Map<String, ?> serdeConfig) {
        String url = ConfigValues.string(serdeConfig, RegistryClientConfig.SCHEMA_REGISTRY_URL);
        if (url == null) {
            throw new ConfigException("Missing required setting " + RegistryClientConfig.SCHEMA_REGISTRY_URL);
        }
        if (url.startsWith(MOCK_SCHEME)) {
            String scope = url.substring(MOCK_SCHEME.length());
            if (scope.isEmpty() || scope.contains(",")) {
                throw new ConfigException(RegistryClientConfig.SCHEMA_REGISTRY_URL, url,
                        "a mock registry URL names exactly one scope: mock://scope");
            }
            return MockSchemaRegistryClient.forScope(scope);
        }
        return new RestSchemaRegistryClient(serdeConfig);
    }
}
