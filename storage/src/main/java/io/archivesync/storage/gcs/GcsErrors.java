package io.archivesync.storage.gcs;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.util.concurrent.CompletionException;

/**
 * Turns the client's failures (and HTTP statuses of the requests made here) into {@link StorageException}s, the same
 * classification every provider uses: 404 NOT_FOUND, 401/403 ACCESS, 412 PRECONDITION, 429/503 THROTTLED, other 5xx
 * and broken connections TRANSIENT, 400 INVALID, anything else FINAL.
 */
final class GcsErrors {

    private GcsErrors() {
    }

    static ErrorKind kindOf(int status) {
        return switch (status) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 401, 403 -> ErrorKind.ACCESS;
            case 412 -> ErrorKind.PRECONDITION;
            case 429, 503 -> ErrorKind.THROTTLED;
            case 400 -> ErrorKind.INVALID;
            default -> status >= 500 && status <= 599 ? ErrorKind.TRANSIENT : ErrorKind.FINAL;
        };
    }

    /** A failure of the client while doing {@code what} (a sentence naming the object). */
    static StorageException from(Throwable failure, String what) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof StorageException already) {
            return already;
        }
        if (cause instanceof com.google.cloud.storage.StorageException gcs) {
            int status = gcs.getCode();
            if (status <= 0) {
                // The client reports a broken connection or a timeout with no status (code 0).
                return new StorageException(ErrorKind.TRANSIENT, gcs.getReason() == null ? "io" : gcs.getReason(), -1,
                        what + " failed: " + gcs.getMessage(), gcs);
            }
            String code = gcs.getReason() == null ? Integer.toString(status) : gcs.getReason();
            return new StorageException(kindOf(status), code, status,
                    what + " failed: " + status + " " + gcs.getMessage(), gcs);
        }
        if (cause instanceof IOException io) {
            return new StorageException(ErrorKind.TRANSIENT, "io", -1, what + " failed: " + io, io);
        }
        return new StorageException(ErrorKind.FINAL, cause.getClass().getSimpleName(), -1,
                what + " failed: " + cause, cause);
    }

    /** A refusal answered by GCS to a request made here. */
    static StorageException status(int status, String body, String what) {
        return new StorageException(kindOf(status), Integer.toString(status), status,
                what + " failed: " + status + (body == null || body.isBlank() ? "" : " " + abbreviate(body)), null);
    }

    /** A request this store refuses before sending it. */
    static StorageException invalid(String code, String message) {
        return new StorageException(ErrorKind.INVALID, code, -1, message, null);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
