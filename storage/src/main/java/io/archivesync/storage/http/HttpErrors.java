package io.archivesync.storage.http;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;

/**
 * Classifies HTTP answers and failures once: 404 NOT_FOUND, 401/403 ACCESS, 412 PRECONDITION, 429/503 THROTTLED,
 * other 5xx TRANSIENT, other 4xx INVALID (416, a range past the end, among them); no answer at all (refused, reset,
 * timed out) TRANSIENT.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    static ErrorKind kind(int status) {
        return switch (status) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 401, 403 -> ErrorKind.ACCESS;
            case 412 -> ErrorKind.PRECONDITION;
            case 429, 503 -> ErrorKind.THROTTLED;
            default -> status >= 500 && status < 600 ? ErrorKind.TRANSIENT
                    : status >= 400 && status < 500 ? ErrorKind.INVALID : ErrorKind.FINAL;
        };
    }

    static StorageException status(String url, String method, int status) {
        return new StorageException(kind(status), "HTTP" + status, status,
                method + " " + url + " answered HTTP " + status, null);
    }

    static StorageException io(String url, String method, IOException e) {
        return new StorageException(ErrorKind.TRANSIENT, e.getClass().getSimpleName(), -1,
                method + " " + url + " failed: " + e, e);
    }

    static StorageException interrupted(String url, String method, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new StorageException(ErrorKind.TRANSIENT, "Interrupted", -1, method + " " + url + " was interrupted", e);
    }

    static StorageException invalid(String message) {
        return new StorageException(ErrorKind.INVALID, "Invalid", -1, message, null);
    }

    static StorageException precondition(String message) {
        return new StorageException(ErrorKind.PRECONDITION, "PreconditionFailed", 412, message, null);
    }

    static StorageException readOnly(String what) {
        return new StorageException(ErrorKind.INVALID, "ReadOnly", -1, "HTTP(S) sources are read only: cannot "
                + what, null);
    }
}
