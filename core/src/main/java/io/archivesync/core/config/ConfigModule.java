package io.archivesync.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Jackson bindings for the value types our settings use, with errors that name the setting. */
final class ConfigModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    ConfigModule() {
        super("archive-sync-config");
        addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return DurationParser.parse(path(p), p.getValueAsString());
            }
        });
        addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    throw new ConfigException(path(p), "'" + text + "' is not a date (write YYYY-MM-DD)", e);
                }
            }
        });
    }

    private static String path(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.');
    }
}
