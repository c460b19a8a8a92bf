package io.archivesync.core.config;

/**
 * A setting is missing, malformed or contradicts another one. The message always names the setting, so that a
 * user can fix the file, the environment variable or the flag without reading code.
 */
public final class ConfigException extends RuntimeException {

    private final String setting;

    public ConfigException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public ConfigException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** The dotted path of the offending setting, e.g. {@code processor.batch.maxRequests}. */
    public String setting() {
        return setting;
    }
}
