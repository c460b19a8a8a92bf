package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.ConfigPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every service shares: a YAML file, {@code --set} overrides, a few common shortcuts and
 * {@code --verbose}. A shortcut's default is its setting's, shown by {@code --help} from the defaults file.
 */
public final class ConfigOptions {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigOptions.class);

    @Option(names = {"-c", "--config"}, description = "YAML configuration file (merged over the defaults)")
    Path config;

    @Option(names = "--set", description = "override one setting: path.to.setting=value (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--bootstrap-servers", description = "Kafka brokers (kafka.bootstrapServers). "
            + "Default: ${bundle:kafka.bootstrapServers:-unset}")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "schema registry API URL (kafka.schemaRegistryUrl). "
            + "Default: ${bundle:kafka.schemaRegistryUrl:-unset}")
    String schemaRegistryUrl;

    @Option(names = "--s3-endpoint", description = "non-AWS S3 endpoint (s3.endpoint); blank = AWS. "
            + "Default: ${bundle:s3.endpoint:-unset}")
    String s3Endpoint;

    @Mixin
    Verbosity verbosity = new Verbosity();

    /** Whether {@code --bootstrap-servers} was given on the command line (not from a file or the environment). */
    public boolean bootstrapServersGiven() {
        return bootstrapServers != null;
    }

    /**
     * Parses and validates the configuration once. Logs where it came from in one line, and with {@code --verbose}
     * all of it, secrets masked: a hundred lines on every start hide what matters.
     */
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
        if (verbosity.verbose()) {
            LOGGER.info("effective configuration:\n{}", ConfigPrinter.masked(loaded));
        } else {
            LOGGER.info("configuration loaded from=defaults{} overrides={} (--verbose logs all of it)",
                    config == null ? "" : "+" + config, all.size());
        }
        return loaded;
    }
}
