package io.archivesync.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import reactor.core.Exceptions;

/**
 * Classifies what the Azure client throws, once, where it is caught: 404 NOT_FOUND, 401/403 ACCESS, 412 and a 409
 * BlobAlreadyExists (the answer to If-None-Match {@code *}) PRECONDITION, 429 and 503 (ServerBusy) THROTTLED, other
 * 5xx and broken connections TRANSIENT, 400 INVALID except Md5Mismatch (a block or range that did not match the MD5
 * sent with it: corruption on the way) which is CHECKSUM, anything else FINAL.
 */
final class AzureErrors {

    private AzureErrors() {
    }

    /** The failure as a {@link StorageException} naming what was being done ({@code "read az://a/c/k"}). */
    static StorageException classify(Throwable failure, String doing) {
        Throwable t = unwrap(failure);
        if (t instanceof StorageException s) {
            return s;
        }
        if (t instanceof BlobStorageException b) {
            String code = b.getErrorCode() == null ? String.valueOf(b.getStatusCode()) : b.getErrorCode().toString();
            return new StorageException(kind(b.getStatusCode(), b.getErrorCode()), code, b.getStatusCode(),
                    doing + " failed: " + b.getStatusCode() + " " + code, b);
        }
        if (t instanceof HttpResponseException h && h.getResponse() != null) {
            int status = h.getResponse().getStatusCode();
            return new StorageException(kind(status, null), String.valueOf(status), status,
                    doing + " failed: " + status + " " + h.getMessage(), h);
        }
        if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
            return new StorageException(ErrorKind.TRANSIENT, t.getClass().getSimpleName(), -1,
                    doing + " failed: " + t, t);
        }
        return new StorageException(ErrorKind.FINAL, t.getClass().getSimpleName(), -1, doing + " failed: " + t, t);
    }

    static ErrorKind kind(int status, BlobErrorCode code) {
        if (BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code) || status == 412) {
            return ErrorKind.PRECONDITION;
        }
        if (BlobErrorCode.MD5MISMATCH.equals(code)) {
            return ErrorKind.CHECKSUM;
        }
        if (BlobErrorCode.SERVER_BUSY.equals(code) || status == 429 || status == 503) {
            return ErrorKind.THROTTLED;
        }
        if (status == 404) {
            return ErrorKind.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return ErrorKind.ACCESS;
        }
        if (status >= 500) {
            return ErrorKind.TRANSIENT;
        }
        if (status == 400) {
            return ErrorKind.INVALID;
        }
        return ErrorKind.FINAL;
    }

    /** Whether the failure is a 404 of the blob or of its container: for head and delete, simply absence. */
    static boolean isNotFound(Throwable failure) {
        return unwrap(failure) instanceof BlobStorageException b && b.getStatusCode() == 404;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = Exceptions.unwrap(failure);
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || Exceptions.isMultiple(t)) && t.getCause() != null) {
            t = Exceptions.unwrap(t.getCause());
        }
        return t;
    }
}
