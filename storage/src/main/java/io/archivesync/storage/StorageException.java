package io.archivesync.storage;

import io.archivesync.avro.ErrorKind;

/**
 * A store's failure, classified once where it is caught, the same way for every provider.
 */
public final class StorageException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final int status;

    /**
     * @param kind    what retries, the adaptive limit and the fallback decide on
     * @param code    the store's own error code (NoSuchKey, BlobNotFound, 412, ...) for people
     * @param status  the HTTP status, or -1 when there was none (a file, a broken connection)
     * @param message a sentence for a person, naming the object
     * @param cause   the provider's exception, if any
     */
    public StorageException(ErrorKind kind, String code, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.status = status;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
