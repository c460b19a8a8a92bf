package io.archivesync.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the one {@link AppConfig} a process runs with, once, at start-up: the defaults shipped in
 * {@code archive-sync-defaults.yml}, then the user's YAML file over them, then {@code ${ENV:default}} substitution,
 * then command-line overrides ({@code path.to.setting=value}). Unknown settings are rejected, so a typo fails fast.
 */
public final class ConfigLoader {

    static final String DEFAULTS_RESOURCE = "/archive-sync-defaults.yml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new ConfigModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final EnvSubstitution env;

    public ConfigLoader(EnvSubstitution env) {
        this.env = env;
    }

    /** The shipped defaults alone, with every {@code ${ENV:default}} at its default (read once). */
    public static AppConfig shippedDefaults() {
        return ShippedDefaults.CONFIG;
    }

    private static final class ShippedDefaults {
        static final AppConfig CONFIG = new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of());
    }

    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader(EnvSubstitution.fromEnvironment());
    }

    /**
     * @param file      the user's YAML file, or null for defaults only
     * @param overrides {@code dotted.path=value} pairs, applied last; values are read as YAML ({@code [a, b]} is a list)
     */
    public AppConfig load(Path file, List<String> overrides) {
        ObjectNode tree = readDefaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--config", "file " + file + " does not exist");
            }
            merge(tree, readYaml(file.toString(), readFile(file)));
        }
        substitute("", tree);
        Set<String> overridden = new HashSet<>();
        for (String override : overrides) {
            overridden.add(applyOverride(tree, override));
        }
        return bind(tree, path -> overridden.stream().anyMatch(o -> path.equals(o) || path.startsWith(o + "."))
                ? "--set" : file == null ? "the configuration" : file.toString());
    }

    private AppConfig bind(ObjectNode tree, UnaryOperator<String> origin) {
        try {
            return yaml.treeToValue(tree, AppConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            throw ConfigException.unknownSetting(path, origin.apply(path),
                    Suggestions.closest(e.getPropertyName(), known).map(s -> parent + s).orElse(null));
        } catch (JsonMappingException e) {
            ConfigException inner = findConfigException(e);
            if (inner != null) {
                throw inner;
            }
            throw new ConfigException(path(e), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("(root)", e.getMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("(root)");
    }

    private static ConfigException findConfigException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException ce) {
                return ce;
            }
        }
        return null;
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return readYaml(DEFAULTS_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode readYaml(String source, String text) {
        try {
            JsonNode node = yaml.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(source, "must be a YAML mapping at the top level");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new ConfigException(source, "is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        for (Map.Entry<String, JsonNode> f : over.properties()) {
            JsonNode existing = base.get(f.getKey());
            if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode fo) {
                merge(eo, fo);
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private void substitute(String path, JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> f : obj.properties()) {
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getValue().isTextual()) {
                    f.setValue(TextNode.valueOf(env.apply(child, f.getValue().textValue())));
                } else {
                    substitute(child, f.getValue());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node)
                            .set(i, TextNode.valueOf(env.apply(path + "[" + i + "]", item.textValue())));
                } else {
                    substitute(path + "[" + i + "]", item);
                }
            }
        }
    }

    /** @return the dotted path the override set */
    private String applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set", "'" + override + "' is not of the form path.to.setting=value");
        }
        String path = override.substring(0, eq).strip();
        String raw = override.substring(eq + 1);
        JsonNode value;
        try {
            value = raw.isEmpty() ? TextNode.valueOf("") : yaml.readTree(raw);
        } catch (IOException e) {
            value = TextNode.valueOf(raw);
        }
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf(raw);
        }
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                throw ConfigException.unknownSetting(path, "--set", suggestSection(parent, parts, i));
            }
            parent = (ObjectNode) next;
        }
        parent.set(parts[parts.length - 1], value);
        return path;
    }

    /** {@code path} with its {@code i}-th part replaced by the closest section there, or null when none is close. */
    private static String suggestSection(ObjectNode parent, String[] parts, int i) {
        List<String> sections = new ArrayList<>();
        parent.properties().forEach(f -> {
            if (f.getValue().isObject()) {
                sections.add(f.getKey());
            }
        });
        return Suggestions.closest(parts[i], sections).map(s -> {
            String[] fixed = parts.clone();
            fixed[i] = s;
            return String.join(".", fixed);
        }).orElse(null);
    }
}
