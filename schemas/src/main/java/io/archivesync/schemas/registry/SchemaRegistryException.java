package io.archivesync.schemas.registry;

/**
 * A request to the schema registry failed. Carries what callers branch on: the HTTP status (409 incompatible,
 * 404 unknown, 422 invalid) and the registry's finer {@code error_code} (40401 subject not found, 40403 schema
 * not found, ...), or {@link #NO_RESPONSE} when no registry answered at all.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Status used when no HTTP response was received (connection refused, timeout, interrupted). */
    public static final int NO_RESPONSE = -1;

    /** Confluent's error code for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for an unknown version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent's error code for an unknown schema. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    /**
     * @param message   says which request failed and why, never containing secrets
     * @param status    the HTTP status, or {@link #NO_RESPONSE}
     * @param errorCode the registry's {@code error_code}, or the status when the body carried none
     * @param cause     the underlying I/O failure, if any
     */
    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40401), or the HTTP status when the registry sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when trying again later may succeed: no response, throttling or a server-side error. */
    public boolean isRetriable() {
        return status == NO_RESPONSE || status == 429 || status >= 500;
    }

    /** True for an unknown subject, version or schema. */
    public boolean isNotFound() {
        return status == 404;
    }
}
