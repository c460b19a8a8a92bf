package io.archivesync.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the effective configuration for the start-up log, with every secret masked: values of settings whose name
 * says secret, and passwords in URLs ({@link UrlMasking}) whatever the setting.
 */
public final class ConfigPrinter {

    static final String MASK = "****";
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|user\\.info|token|credential|jaas).*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private ConfigPrinter() {
    }

    public static String masked(AppConfig config) {
        JsonNode tree = YAML.valueToTree(config);
        mask(tree);
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return "(unprintable configuration: " + e.getMessage() + ")";
        }
    }

    /**
     * Each set setting's value by its dotted path ({@code kafka.bootstrapServers}), masked as {@link #masked} is; lists
     * as {@code [spot]}, maps as JSON; unset ones left out. For help texts that show a setting's default.
     */
    public static Map<String, String> flattened(AppConfig config) {
        JsonNode tree = YAML.valueToTree(config);
        mask(tree);
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", tree, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node instanceof ObjectNode obj && !path.isEmpty() && !obj.isEmpty() && isSection(obj)) {
            obj.properties().forEach(f -> flatten(path + "." + f.getKey(), f.getValue(), values));
        } else if (node instanceof ObjectNode obj && path.isEmpty()) {
            obj.properties().forEach(f -> flatten(f.getKey(), f.getValue(), values));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            values.put(path, "[" + String.join(", ", items) + "]");
        } else if (!node.isNull()) {
            values.put(path, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** A section of settings rather than a map value: its keys are camel-case names, not dotted client settings. */
    private static boolean isSection(ObjectNode obj) {
        for (Map.Entry<String, JsonNode> f : obj.properties()) {
            if (f.getKey().contains(".")) {
                return false;
            }
        }
        return true;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> f : obj.properties()) {
                if (SECRET.matcher(f.getKey()).matches() && f.getValue().isValueNode() && !f.getValue().isNull()) {
                    f.setValue(TextNode.valueOf(MASK));
                } else if (f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(UrlMasking.mask(f.getValue().textValue())));
                } else {
                    mask(f.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(UrlMasking.mask(array.get(i).textValue())));
                } else {
                    mask(array.get(i));
                }
            }
        }
    }
}
