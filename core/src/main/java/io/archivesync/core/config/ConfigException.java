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

    private ConfigException(String setting, String message, boolean verbatim) {
        super(message);
        this.setting = setting;
    }

    /**
     * A setting no section declares, most likely a typo: {@code unknown setting sink.concurency in mirror.yml; did you
     * mean sink.concurrency?}.
     *
     * @param where      where it was written: the file's name or {@code --set}
     * @param suggestion the closest known setting, or null when none is close
     */
    public static ConfigException unknownSetting(String setting, String where, String suggestion) {
        return new ConfigException(setting, "unknown setting " + setting + " in " + where
                + (suggestion == null ? "" : "; did you mean " + suggestion + "?"), true);
    }

    /** The dotted path of the offending setting, e.g. {@code processor.batch.maxRequests}. */
    public String setting() {
        return setting;
    }
}
