package io.archivesync.bridge.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.core.s3.ETags;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the standard S3 event notification JSON ({@code Records[].eventName}, {@code s3.bucket.name},
 * {@code s3.object.key}, {@code size}, {@code eTag}), also when SNS wrapped it ({@code Type: Notification} with the
 * event as the {@code Message} string) on its way to the queue.
 *
 * <p>Keys arrive URL-encoded the way HTML forms are: {@code +} is a space, {@code %2B} a plus, and non-ASCII
 * characters are {@code %XX} escapes of their UTF-8 bytes. {@link URLDecoder} decodes exactly that form.
 */
public final class S3EventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws MalformedNotificationException with a sentence saying what is wrong */
    public S3Notification parse(String body) throws MalformedNotificationException {
        JsonNode root = readTree(body);
        if (root.path("Type").asText().equals("Notification") && root.path("Message").isTextual()) {
            root = readTree(root.path("Message").asText());
        }
        if (root.path("Event").asText().equals("s3:TestEvent")) {
            return new S3Notification.TestEvent(root.path("Bucket").asText(null));
        }
        JsonNode records = root.path("Records");
        if (!records.isArray() || records.isEmpty()) {
            throw new MalformedNotificationException("no Records array and not an s3:TestEvent");
        }
        List<S3EventRecord> parsed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            parsed.add(record(i, records.get(i)));
        }
        return new S3Notification.Records(parsed);
    }

    private static S3EventRecord record(int index, JsonNode r) throws MalformedNotificationException {
        String eventName = required(index, r.path("eventName"), "eventName");
        if (eventName.startsWith("s3:")) {
            eventName = eventName.substring(3);
        }
        JsonNode object = r.path("s3").path("object");
        String bucket = required(index, r.path("s3").path("bucket").path("name"), "s3.bucket.name");
        String key = decodeKey(index, required(index, object.path("key"), "s3.object.key"));
        JsonNode size = object.path("size");
        if (!size.isMissingNode() && !size.isNull() && !size.canConvertToLong()) {
            throw new MalformedNotificationException("Records[" + index + "].s3.object.size is not a number");
        }
        return new S3EventRecord(eventName, text(r.path("awsRegion")), bucket, key,
                size.canConvertToLong() && size.isNumber() ? size.asLong() : null,
                ETags.unquote(text(object.path("eTag"))), text(object.path("versionId")), text(object.path("sequencer")));
    }

    /** Decodes an event key: {@code +} → space, {@code %XX} → UTF-8 bytes. */
    public static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String decodeKey(int index, String encoded) throws MalformedNotificationException {
        try {
            String key = decode(encoded);
            if (key.isEmpty()) {
                throw new MalformedNotificationException("Records[" + index + "].s3.object.key is empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException(
                    "Records[" + index + "].s3.object.key is not URL-encoded: " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(String body) throws MalformedNotificationException {
        if (body == null || body.isBlank()) {
            throw new MalformedNotificationException("empty body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedNotificationException("body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String required(int index, JsonNode node, String name) throws MalformedNotificationException {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new MalformedNotificationException("Records[" + index + "]." + name + " is missing");
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
