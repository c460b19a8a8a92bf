package io.archivesync.embedded.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON resources of the API ({@code storage#object}, {@code storage#bucket}) and reading them from bodies. */
final class Resources {

    private Resources() {
    }

    static ObjectNode object(StoredObject object, String baseUrl) {
        String path = "/storage/v1/b/" + encode(object.bucket()) + "/o/" + encode(object.name());
        ObjectNode json = Exchanges.JSON.createObjectNode();
        json.put("kind", "storage#object");
        json.put("id", object.bucket() + "/" + object.name() + "/" + object.generation());
        json.put("selfLink", baseUrl + path);
        json.put("mediaLink", baseUrl + "/download" + path + "?generation=" + object.generation() + "&alt=media");
        json.put("name", object.name());
        json.put("bucket", object.bucket());
        json.put("generation", Long.toString(object.generation()));
        json.put("metageneration", Long.toString(object.metageneration()));
        json.put("contentType", object.attributes().contentType());
        json.put("storageClass", object.attributes().storageClass());
        json.put("size", Long.toString(object.size()));
        json.put("md5Hash", object.checksums().md5Hash());
        json.put("crc32c", object.checksums().crc32c());
        json.put("etag", etag(object));
        json.put("timeCreated", object.created().toString());
        json.put("updated", object.created().toString());
        json.put("timeStorageClassUpdated", object.created().toString());
        if (!object.attributes().metadata().isEmpty()) {
            ObjectNode metadata = json.putObject("metadata");
            object.attributes().metadata().forEach(metadata::put);
        }
        return json;
    }

    static ObjectNode bucket(StoredBucket bucket, String baseUrl) {
        ObjectNode json = Exchanges.JSON.createObjectNode();
        json.put("kind", "storage#bucket");
        json.put("id", bucket.name());
        json.put("selfLink", baseUrl + "/storage/v1/b/" + encode(bucket.name()));
        json.put("name", bucket.name());
        json.put("projectNumber", "0");
        json.put("metageneration", "1");
        json.put("location", "US");
        json.put("locationType", "multi-region");
        json.put("storageClass", StoredObject.ObjectAttributes.DEFAULT_STORAGE_CLASS);
        json.put("etag", "CAE=");
        json.put("timeCreated", bucket.created().toString());
        json.put("updated", bucket.created().toString());
        return json;
    }

    /**
     * The attributes an insert or rewrite body asks for, each falling back to {@code fallback}'s when absent.
     *
     * @param fallback the source object's attributes for a rewrite; defaults for an insert
     */
    static StoredObject.ObjectAttributes attributes(ObjectNode body, StoredObject.ObjectAttributes fallback) {
        String contentType = text(body, "contentType");
        String storageClass = text(body, "storageClass");
        Map<String, String> metadata = fallback.metadata();
        if (body.get("metadata") instanceof ObjectNode given) {
            metadata = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                if (!entry.getValue().isNull()) {
                    metadata.put(entry.getKey(), entry.getValue().asText());
                }
            }
        }
        return new StoredObject.ObjectAttributes(
                contentType == null ? fallback.contentType() : contentType,
                metadata,
                storageClass == null ? fallback.storageClass() : storageClass);
    }

    static StoredObject.ObjectAttributes defaults() {
        return new StoredObject.ObjectAttributes(null, null, null);
    }

    static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String etag(StoredObject object) {
        return "\"" + object.generation() + "-" + object.metageneration() + "\"";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
