package io.archivesync.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;

/**
 * The schema as published in {@code schemas/src/main/avro}, from the schema a generated class carries.
 *
 * <p>Why: with {@code stringType=String} the avro-maven-plugin annotates every string of the generated class's
 * {@code SCHEMA$} with {@code "avro.java.string": "String"}. The annotation only tells Java readers which class to
 * read strings into; it changes nothing on the wire. But a registry compares schema text, so registering the
 * annotated schema put a schema under the subject that no third party builds from the published {@code .avsc}
 * files: their lookups ({@code auto.register.schemas=false}) failed with 40403. Dropping the annotation (and only
 * it, and only where a schema is declared, never inside a default value) gives back the published text. The
 * generated classes keep their annotations, so they still read strings as {@link String}.
 */
public final class PublishedSchemas {

    /** The annotation the plugin adds to strings (and to maps, for their keys). */
    public static final String JAVA_STRING_PROPERTY = "avro.java.string";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Schema, Schema> CACHE = new ConcurrentHashMap<>();

    private PublishedSchemas() {
    }

    /** {@code schema} without the Java-only string annotations; the same instance when it had none. */
    public static Schema of(Schema schema) {
        return CACHE.computeIfAbsent(schema, PublishedSchemas::strip);
    }

    private static Schema strip(Schema schema) {
        String text = schema.toString();
        if (!text.contains(JAVA_STRING_PROPERTY)) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return new Schema.Parser().parse(JSON.writeValueAsString(stripSchema(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read the schema of " + schema.getFullName(), e);
        }
    }

    /** Walks schema positions only: record fields' types, array items, map values and union branches. */
    private static JsonNode stripSchema(JsonNode node) {
        if (node.isArray()) {
            node.forEach(PublishedSchemas::stripSchema);
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        object.remove(JAVA_STRING_PROPERTY);
        JsonNode fields = object.get("fields");
        if (fields != null && fields.isArray()) {
            for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
                JsonNode field = it.next();
                if (field.has("type")) {
                    stripSchema(field.get("type"));
                }
            }
        }
        JsonNode type = object.get("type");
        if (type != null && !type.isTextual()) {
            stripSchema(type);
        }
        if (object.has("items")) {
            stripSchema(object.get("items"));
        }
        if (object.has("values")) {
            stripSchema(object.get("values"));
        }
        return object;
    }
}
