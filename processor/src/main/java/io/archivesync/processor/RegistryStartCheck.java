package io.archivesync.processor;

import io.archivesync.core.config.KafkaSettings;
import io.archivesync.schemas.registry.RegistryClientConfig;
import io.archivesync.schemas.registry.RestSchemaRegistryClient;
import io.archivesync.schemas.registry.SchemaRegistryClients;
import io.archivesync.schemas.registry.SchemaRegistryException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the schema registry one cheap question before the topology starts, and refuses to start when it cannot
 * be asked.
 *
 * <p>Why: a processor started against an unreachable registry used to run, and every request it read looked
 * unparseable. Failing here with the setting's name tells the operator what to fix. An outage later, while running,
 * is retried instead (see {@code io.archivesync.processor.errors}).
 */
final class RegistryStartCheck {

    static final String SETTING = "kafka.schemaRegistryUrl";
    private static final Logger LOGGER = LoggerFactory.getLogger(RegistryStartCheck.class);
    private static final long CONNECT_TIMEOUT_MS = 2_000;
    private static final long REQUEST_TIMEOUT_MS = 5_000;

    private RegistryStartCheck() {
    }

    /**
     * Lists the registry's subjects with short timeouts; skipped for an in-memory {@code mock://} registry.
     *
     * @throws IllegalStateException one line naming {@value #SETTING} when the registry does not answer or refuses
     */
    static void require(KafkaSettings kafka) {
        if (kafka.schemaRegistryUrl().startsWith(SchemaRegistryClients.MOCK_SCHEME)) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafka.serdeConfig());
        config.put(RegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS, CONNECT_TIMEOUT_MS);
        config.put(RegistryClientConfig.HTTP_READ_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
        RegistryClientConfig client = RegistryClientConfig.from(config);
        try {
            int subjects = new RestSchemaRegistryClient(client).subjects().size();
            LOGGER.info("schema registry answers urls={} subjects={}", client.urls(), subjects);
        } catch (SchemaRegistryException e) {
            String why = e.status() == SchemaRegistryException.NO_RESPONSE ? "cannot be reached"
                    : "answered HTTP " + e.status() + " to GET /subjects";
            throw new IllegalStateException("schema registry " + client.urls() + " " + why + " (" + SETTING
                    + "; credentials and TLS under kafka.registry): " + e.getMessage().replace('\n', ' '), e);
        }
    }
}
