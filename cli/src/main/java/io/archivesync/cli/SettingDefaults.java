package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.ConfigPrinter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The settings' defaults as picocli's resource bundle, so that {@code --help} shows them through
 * {@code ${bundle:path.to.setting}} without declaring them a second time: they are the defaults file's, with this
 * environment's placeholders resolved, secrets masked.
 */
final class SettingDefaults extends ResourceBundle {

    private final Map<String, String> values;

    private SettingDefaults(Map<String, String> values) {
        this.values = values;
    }

    /** The defaults; none when the environment makes them invalid (the command will say why when it runs). */
    static SettingDefaults load() {
        try {
            AppConfig defaults = ConfigLoader.fromEnvironment().load(null, List.of());
            return new SettingDefaults(ConfigPrinter.flattened(defaults));
        } catch (RuntimeException e) {
            return new SettingDefaults(Map.of());
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return values.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(values.keySet());
    }
}
