package io.archivesync.sink.copy;

import io.archivesync.avro.CopyOutcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Classifies a storage failure into an outcome and a short error class, keeping S3's own error code. */
public final class StorageErrors {

    /**
     * @param outcome    the terminal outcome
     * @param errorClass S3's error code (NoSuchKey, AccessDenied, ...) or the exception's simple name
     * @param message    a sentence for a person
     */
    public record Classified(CopyOutcome outcome, String errorClass, String message) {
    }

    private StorageErrors() {
    }

    public static Classified classify(Throwable error, String what) {
        Throwable e = unwrap(error);
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null
                    ? s3.awsErrorDetails().errorCode() : "HTTP" + s3.statusCode();
            int status = s3.statusCode();
            if (status == 404 || code.equals("NoSuchKey") || code.equals("NoSuchBucket")) {
                return new Classified(CopyOutcome.FAILED_NOT_FOUND, code,
                        what + ": not found (" + code + ", HTTP " + status + ")");
            }
            if (status == 403 || code.equals("AccessDenied")) {
                return new Classified(CopyOutcome.FAILED_ACCESS, code,
                        what + ": access denied (" + code + ", HTTP " + status + ")");
            }
            if (status == 412) {
                return new Classified(CopyOutcome.FAILED_OTHER, "PreconditionFailed",
                        what + ": the source changed since the request was made (" + code + ")");
            }
            String detail = s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null
                    ? s3.awsErrorDetails().errorMessage() : "storage error";
            return new Classified(CopyOutcome.FAILED_OTHER, code,
                    what + ": " + detail + " (" + code + ", HTTP " + status + ")");
        }
        if (e instanceof java.io.IOException) {
            return new Classified(CopyOutcome.FAILED_OTHER, "ConnectionError", what + ": " + e);
        }
        if (e instanceof TimeoutException) {
            return new Classified(CopyOutcome.FAILED_OTHER, "Timeout", what + ": timed out");
        }
        if (e instanceof SdkClientException) {
            return new Classified(CopyOutcome.FAILED_OTHER, "ClientError", what + ": " + e.getMessage());
        }
        return new Classified(CopyOutcome.FAILED_OTHER, e.getClass().getSimpleName(), what + ": " + e);
    }

    /**
     * Whether a failure of this class may go away by itself: throttling, server errors, timeouts and broken
     * connections. Refusals (403), absences (404), bad requests (400) and changed sources (412) are final.
     */
    public static boolean isRetriable(String errorClass) {
        if (errorClass == null) {
            return false;
        }
        return RETRIABLE.contains(errorClass) || errorClass.matches("HTTP5\\d\\d");
    }

    /** Whether a failure says the storage is asking us to slow down, so concurrency should drop. */
    public static boolean isThrottling(String errorClass) {
        return errorClass != null && (errorClass.equals("SlowDown") || errorClass.equals("HTTP503")
                || errorClass.equals("ServiceUnavailable") || errorClass.equals("Throttling")
                || errorClass.equals("TooManyRequests") || errorClass.equals("HTTP429"));
    }

    private static final java.util.Set<String> RETRIABLE = java.util.Set.of("SlowDown", "ServiceUnavailable",
            "InternalError", "RequestTimeout", "Throttling", "TooManyRequests", "HTTP429", "Timeout", "ClientError",
            "ConnectionError", "IOException", "ConnectException", "HttpTimeoutException", "ClosedChannelException");

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
