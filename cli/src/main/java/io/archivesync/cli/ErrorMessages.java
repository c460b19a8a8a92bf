package io.archivesync.cli;

import io.archivesync.core.config.ConfigException;
import io.archivesync.core.config.UrlMasking;
import io.archivesync.schemas.registry.SchemaRegistryException;

/**
 * The one line an operator reads for a failure. Our own exceptions already name the setting; what comes from a
 * library is recognised here by its type in the cause chain and said in the operator's terms.
 */
final class ErrorMessages {

    static final String REGISTRY_API_PATH_HINT = "the URL must include the API path, e.g. "
            + "http://host:8080/apis/ccompat/v7 for Apicurio (Confluent's registry serves it at the root)";

    private ErrorMessages() {
    }

    static String describe(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ConfigException) {
                return masked(c.getMessage());
            }
            if (c instanceof SchemaRegistryException registry) {
                return masked(registry(registry));
            }
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = failure.getCause();
            message = failure.getClass().getSimpleName() + (cause == null ? "" : ": " + describe(cause));
        }
        return masked(message.lines().findFirst().orElse(message));
    }

    /**
     * A 404 whose body carries no registry {@code error_code} came from a server that has no registry API at that
     * path, typically Apicurio's root URL given without {@code /apis/ccompat/v7}.
     */
    private static String registry(SchemaRegistryException e) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (e.status() == 404 && (e.errorCode() == 404 || first.contains("RESTEASY003210"))) {
            return "kafka.schemaRegistryUrl: the registry answered HTTP 404, so there is no registry API at that URL; "
                    + REGISTRY_API_PATH_HINT + " (" + first + ")";
        }
        if (e.status() == SchemaRegistryException.NO_RESPONSE) {
            return "kafka.schemaRegistryUrl: no schema registry answered; check the URL and that it runs (" + first
                    + ")";
        }
        return "kafka.schemaRegistryUrl: " + first;
    }

    static String masked(String text) {
        return UrlMasking.mask(text);
    }
}
