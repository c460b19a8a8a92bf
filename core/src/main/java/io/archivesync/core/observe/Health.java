package io.archivesync.core.observe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a health check: up or not, and the facts it was decided on (shown as the JSON body, so an operator
 * sees why a service is not ready without reading its logs).
 *
 * @param up      whether the service is what the check asks (alive, ready)
 * @param details the facts, in a stable order
 */
public record Health(boolean up, Map<String, Object> details) {

    public Health {
        details = new LinkedHashMap<>(details);
    }

    public static Health up(Map<String, Object> details) {
        return new Health(true, details);
    }

    /** Not up, with the reason first among the facts. */
    public static Health down(String reason, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("reason", reason);
        all.putAll(details);
        return new Health(false, all);
    }

    /** The JSON body: {@code status} UP or DOWN, then the facts. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.putAll(details);
        return body;
    }
}
