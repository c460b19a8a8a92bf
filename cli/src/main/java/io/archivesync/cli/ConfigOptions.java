package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.ConfigPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every service shares: a YAML file, {@code --set} overrides and a few common shortcuts. */
public final class ConfigOptions {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigOptions.class);

    @Option(names = {"-c", "--config"}, description = "YAML configuration file (merged over the defaults)")
    Path config;

    @Option(names = "--set", description = "override one setting: path.to.setting=value (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--bootstrap-servers", description = "Kafka brokers (kafka.bootstrapServers)")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "schema registry (kafka.schemaRegistryUrl)")
    String schemaRegistryUrl;

    @Option(names = "--s3-endpoint", description = "non-AWS S3 endpoint (s3.endpoint)")
    String s3Endpoint;

    /** Parses and validates the configuration once, and logs it with secrets masked. */
    public AppConfig load(List<String> extraOverrides) {
        List<String> all = new ArrayList<>();
        if (bootstrapServers != null) {
            all.add("kafka.bootstrapServers=" + bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            all.add("kafka.schemaRegistryUrl=" + schemaRegistryUrl);
        }
        if (s3Endpoint != null) {
            all.add("s3.endpoint=" + s3Endpoint);
        }
        all.addAll(extraOverrides);
        all.addAll(overrides);
        AppConfig loaded = ConfigLoader.fromEnvironment().load(config, all);
        LOGGER.info("effective configuration:\n{}", ConfigPrinter.masked(loaded));
        return loaded;
    }
}
