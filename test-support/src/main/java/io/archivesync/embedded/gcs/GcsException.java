package io.archivesync.embedded.gcs;

/** A request the fixture refuses; the router turns it into a GCS error response. */
final class GcsException extends RuntimeException {

    private final transient GcsError error;

    GcsException(GcsError error, String message) {
        super(message);
        this.error = error;
    }

    GcsError error() {
        return error;
    }
}
