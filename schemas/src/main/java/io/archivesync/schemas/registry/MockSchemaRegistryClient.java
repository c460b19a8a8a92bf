package io.archivesync.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-memory schema registry for {@code mock://scope} URLs, so topology tests and demos run without a server.
 *
 * <p>As with Confluent's mock, every serde configured with the same scope shares one instance within the JVM
 * ({@link #forScope}); {@link #drop} forgets a scope between tests. The semantics follow the real API: ids are
 * registry-wide and one schema keeps one id across subjects, re-registering is idempotent, and the
 * compatibility level (default {@code NONE}, as in Apicurio; set {@code BACKWARD} to get Confluent's default)
 * is enforced with Avro's own {@link SchemaCompatibility}, refusing with status 409 as a registry would.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.NONE;
    private int nextId = 1;

    /** A private registry, shared with nobody; prefer {@link #forScope} to share one with configured serdes. */
    public MockSchemaRegistryClient() {
    }

    /** The registry of {@code scope}, created on first use and shared by everyone asking for that scope. */
    public static MockSchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(Objects.requireNonNull(scope, "scope"), s -> new MockSchemaRegistryClient());
    }

    /** Forgets the registry of {@code scope}; serdes created afterwards start from an empty one. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        List<Integer> versions = versionsBySubject.computeIfAbsent(Objects.requireNonNull(subject, "subject"),
                s -> new ArrayList<>());
        Integer existing = idsBySchema.get(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        if (!isCompatible(subject, schema)) {
            throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for "
                    + "subject \"" + subject + "\" (compatibility " + levelOf(subject) + ")", 409, 409);
        }
        int id = existing != null ? existing : nextId++;
        schemasById.put(id, schema);
        idsBySchema.put(schema, id);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404,
                    SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        Integer id = idsBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized void setCompatibility(String subjectOrNullForGlobal, String level) {
        CompatibilityLevel parsed;
        try {
            parsed = CompatibilityLevel.parse(level);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(e.getMessage(), 422, 42203);
        }
        if (subjectOrNullForGlobal == null) {
            globalLevel = parsed;
        } else {
            levelsBySubject.put(subjectOrNullForGlobal, parsed);
        }
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return isCompatible(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(schema, "schema"));
    }

    private CompatibilityLevel levelOf(String subject) {
        return levelsBySubject.getOrDefault(subject, globalLevel);
    }

    private boolean isCompatible(String subject, Schema candidate) {
        CompatibilityLevel level = levelOf(subject);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (level == CompatibilityLevel.NONE || versions.isEmpty()) {
            return true;
        }
        List<Integer> against = level.transitive() ? versions : versions.subList(versions.size() - 1,
                versions.size());
        for (int id : against) {
            Schema earlier = schemasById.get(id);
            if (level.backward() && !canRead(candidate, earlier) || level.forward() && !canRead(earlier, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
