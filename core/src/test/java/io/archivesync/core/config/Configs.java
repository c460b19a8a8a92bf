package io.archivesync.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads configuration the way a process does, with an environment the test controls. */
final class Configs {

    private Configs() {
    }

    static AppConfig load(Map<String, String> env, Path file, String... overrides) {
        return new ConfigLoader(new EnvSubstitution(env::get)).load(file, List.of(overrides));
    }

    static AppConfig load(String... overrides) {
        return load(Map.of(), null, overrides);
    }
}
