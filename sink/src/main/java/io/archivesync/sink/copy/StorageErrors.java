package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.s3.S3Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Classifies a storage failure once, where it is caught, into an {@link ErrorKind} (what retries, the adaptive limit
 * and AUTO's fallback decide on), the outcome it ends in, the storage's own error code and a sentence for a person.
 */
public final class StorageErrors {

    /**
     * @param outcome    the terminal outcome
     * @param kind       the kind of failure
     * @param errorClass S3's error code (NoSuchKey, AccessDenied, ...) or the exception's simple name
     * @param message    a sentence for a person
     */
    public record Classified(CopyOutcome outcome, ErrorKind kind, String errorClass, String message) {
    }

    private StorageErrors() {
    }

    public static Classified classify(Throwable error, String what) {
        Throwable e = unwrap(error);
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null
                    ? s3.awsErrorDetails().errorCode() : "HTTP" + s3.statusCode();
            int status = s3.statusCode();
            ErrorKind kind = kindOf(code, status);
            return switch (kind) {
                case NOT_FOUND -> new Classified(CopyOutcome.FAILED_NOT_FOUND, kind, code,
                        what + ": not found (" + code + ", HTTP " + status + ")");
                case ACCESS -> new Classified(CopyOutcome.FAILED_ACCESS, kind, code,
                        what + ": access denied (" + code + ", HTTP " + status + ")"
                                + (s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null
                                && !"Access Denied".equals(s3.awsErrorDetails().errorMessage())
                                ? ": " + s3.awsErrorDetails().errorMessage() : ""));
                case PRECONDITION -> new Classified(CopyOutcome.FAILED_OTHER, kind, "PreconditionFailed",
                        what + ": the source changed since the request was made (" + code + ")");
                default -> new Classified(kind == ErrorKind.INVALID ? CopyOutcome.FAILED_INVALID
                        : CopyOutcome.FAILED_OTHER, kind, code, what + ": " + detail(s3) + " (" + code + ", HTTP "
                        + status + ")");
            };
        }
        if (e instanceof StorageException se) {
            return classify(se, what);
        }
        if (e instanceof IOException) {
            return new Classified(CopyOutcome.FAILED_OTHER, ErrorKind.TRANSIENT, "ConnectionError", what + ": " + e);
        }
        if (e instanceof TimeoutException) {
            return new Classified(CopyOutcome.FAILED_OTHER, ErrorKind.TRANSIENT, "Timeout", what + ": timed out");
        }
        if (e instanceof SdkClientException) {
            return new Classified(CopyOutcome.FAILED_OTHER, ErrorKind.TRANSIENT, "ClientError",
                    what + ": " + e.getMessage());
        }
        return new Classified(CopyOutcome.FAILED_OTHER, ErrorKind.FINAL, e.getClass().getSimpleName(), what + ": " + e);
    }

    /** A failure of the storage interface, already classified by its provider. */
    private static Classified classify(StorageException e, String what) {
        ErrorKind kind = e.kind();
        CopyOutcome outcome = switch (kind) {
            case NOT_FOUND -> CopyOutcome.FAILED_NOT_FOUND;
            case ACCESS -> CopyOutcome.FAILED_ACCESS;
            case CHECKSUM -> CopyOutcome.FAILED_CHECKSUM;
            case INVALID -> CopyOutcome.FAILED_INVALID;
            default -> CopyOutcome.FAILED_OTHER;
        };
        return new Classified(outcome, kind, e.code(), what + ": " + e.getMessage());
    }

    /** The kind of an S3 error from its code and HTTP status: read where the storage layer reads it. */
    public static ErrorKind kindOf(String code, int status) {
        return S3Errors.kindOf(code, status);
    }

    /** The kind a failed outcome implies when no finer classification exists. */
    public static ErrorKind kindOf(CopyOutcome outcome) {
        return switch (outcome) {
            case FAILED_NOT_FOUND -> ErrorKind.NOT_FOUND;
            case FAILED_ACCESS -> ErrorKind.ACCESS;
            case FAILED_CHECKSUM -> ErrorKind.CHECKSUM;
            case FAILED_INVALID -> ErrorKind.INVALID;
            default -> ErrorKind.FINAL;
        };
    }

    /** Whether trying again may succeed: throttling, server errors, timeouts and broken connections. */
    public static boolean isRetriable(ErrorKind kind) {
        return kind == ErrorKind.THROTTLED || kind == ErrorKind.TRANSIENT;
    }

    private static String detail(S3Exception s3) {
        return s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null
                ? s3.awsErrorDetails().errorMessage() : "storage error";
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
