package io.archivesync.embedded.gcs;

/**
 * The errors the fixture answers with, each with the HTTP status and the {@code reason} GCS puts in its error body.
 *
 * <p>Why an enum: the client classifies failures by status ({@code StorageException#getCode()}) and sometimes by
 * reason; one place keeps the pairs right.
 */
enum GcsError {
    /** A malformed request: bad range, bad upload chunk, unreadable body. */
    BAD_REQUEST(400, "invalid"),
    /** No such bucket, object, upload or rewrite. */
    NOT_FOUND(404, "notFound"),
    /** The bucket exists already, or is not empty when deleted. */
    CONFLICT(409, "conflict"),
    /** An {@code ifGeneration...}/{@code ifMetageneration...} precondition does not hold. */
    PRECONDITION_FAILED(412, "conditionNotMet"),
    /** A range that starts past the end of the object. */
    RANGE_NOT_SATISFIABLE(416, "requestedRangeNotSatisfiable"),
    /** A resumable upload that was cancelled. */
    UPLOAD_CANCELLED(499, "clientClosedRequest"),
    /** An operation or parameter the fixture does not implement. */
    NOT_IMPLEMENTED(501, "notImplemented");

    private final int status;
    private final String reason;

    GcsError(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    GcsException exception(String message) {
        return new GcsException(this, message);
    }
}
