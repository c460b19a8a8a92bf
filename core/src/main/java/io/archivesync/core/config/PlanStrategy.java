package io.archivesync.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the enumerator decides which objects to request (setting {@code producer.strategy}). */
public enum PlanStrategy {
    /**
     * Build every key from markets × data types × symbols × intervals × dates, as Binance's own download scripts
     * do: no listing of files (only of symbols, when none are configured), so it is fast and its cost does not
     * depend on the archive's size. Objects that do not exist end as NOT_FOUND results; sizes and ETags are unknown.
     */
    GENERATE,
    /**
     * List the source prefixes with ListObjectsV2: one request per 1,000 keys, only objects that exist, each with its
     * size and ETag (which lets the copier make the copy conditional and the dedup tell versions apart).
     */
    LIST;

    @JsonCreator
    public static PlanStrategy parse(String text) {
        if (text != null) {
            for (PlanStrategy s : values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
        }
        throw new ConfigException("producer.strategy", "must be generate or list, was '" + text + "'");
    }

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
