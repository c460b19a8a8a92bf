package io.archivesync.schemas.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} over Confluent's REST API, tested against Apicurio's {@code ccompat/v7} API.
 *
 * <p>Schema-to-id answers are cached per subject and id-to-schema answers globally; ids are immutable in a
 * registry, so the caches are never invalidated and a steady-state serde makes no HTTP call. Thread-safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOGGER = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final RegistryHttp http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client for {@code config}; loads TLS stores now so a bad path fails here. */
    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config);
        LOGGER.info("Schema registry client urls={} credentials={} tls={} connectTimeout={} requestTimeout={}",
                config.urls(), config.credentials(), config.tls(), config.connectTimeout(),
                config.requestTimeout());
    }

    /** A client for Confluent-style serde configuration ({@code schema.registry.url}, {@code basic.auth.*}, ...). */
    public RestSchemaRegistryClient(Map<String, ?> configs) {
        this(RegistryClientConfig.from(configs));
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = http.post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        } catch (SchemaRegistryException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Two instances registering a new subject at once: some registries (Apicurio) refuse the second with
            // 409 "already exists". If the schema is there now, that is success; otherwise the 409 stands.
            try {
                return getId(subject, schema);
            } catch (SchemaRegistryException lookup) {
                e.addSuppressed(lookup);
                throw e;
            }
        }
        return remember(subject, schema, requireId(answer, "register under " + subject));
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post("/subjects/" + encode(subject), schemaBody(schema));
        return remember(subject, schema, requireId(answer, "look up under " + subject));
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.get("/schemas/ids/" + id);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaRegistryException("Schema id " + id + " is of type " + type + ", not AVRO", 200, 200);
        }
        Schema schema = parse(answer.path("schema").asText(null), "schema id " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    /**
     * The registry's subjects: the cheapest call that proves the registry answers (and accepts our credentials),
     * for a start-up check.
     */
    public List<String> subjects() {
        JsonNode answer = http.get("/subjects");
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public void setCompatibility(String subjectOrNullForGlobal, String level) {
        Objects.requireNonNull(level, "level");
        ObjectNode body = http.json().createObjectNode().put("compatibility", level);
        String path = subjectOrNullForGlobal == null ? "/config" : "/config/" + encode(subjectOrNullForGlobal);
        try {
            http.put(path, body);
        } catch (SchemaRegistryException e) {
            // Apicurio keeps levels as rules and answers 404 "No rule named 'COMPATIBILITY'" when asked to set the
            // global level to NONE while no global rule exists: the level asked for is already in force.
            if (e.isNotFound() && "NONE".equalsIgnoreCase(level.trim())) {
                LOGGER.debug("Compatibility already NONE path={} answer={}", path, e.getMessage());
                return;
            }
            throw e;
        }
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = http.post("/compatibility/subjects/" + encode(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return true; // nothing registered yet: any schema may be the first version
            }
            throw e;
        }
    }

    private Integer cachedId(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private int remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private ObjectNode schemaBody(Schema schema) {
        return http.json().createObjectNode().put("schema", schema.toString());
    }

    private static int requireId(JsonNode answer, String what) {
        JsonNode id = answer.path("id");
        if (!id.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry answer to " + what + " has no integer id: " + answer,
                    200, 200);
        }
        return id.intValue();
    }

    private static Schema parse(String text, String what) {
        if (text == null) {
            throw new SchemaRegistryException("Schema registry answer for " + what + " has no schema", 200, 200);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema registry returned an unparseable Avro schema for " + what
                    + ": " + e.getMessage(), 200, 200, e);
        }
    }

    /** Percent-encodes a subject for a path segment ('+' is a literal plus in a path, so spaces become %20). */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
