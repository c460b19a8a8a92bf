package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Classifies an S3 failure once, where it is caught, into a {@link StorageException} carrying an {@link ErrorKind}.
 * The mapping of codes and statuses is the copier's ({@code sink.copy.StorageErrors}), kept identical on purpose so
 * that the copier can move to this one and behave the same.
 */
public final class S3Errors {

    /** S3 error codes that mean "slow down": retried, and the adaptive limit drops. */
    private static final Set<String> THROTTLING = Set.of("SlowDown", "ServiceUnavailable", "Throttling",
            "ThrottlingException", "TooManyRequests", "RequestLimitExceeded");
    /** S3 error codes of faults that go away by themselves. */
    private static final Set<String> TRANSIENT = Set.of("InternalError", "RequestTimeout", "RequestTimeTooSkewed");

    private S3Errors() {
    }

    /** The kind of an S3 error from its code and HTTP status: the one place codes are interpreted. */
    public static ErrorKind kindOf(String code, int status) {
        if (status == 404 || "NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
            return ErrorKind.NOT_FOUND;
        }
        if (status == 403 || "AccessDenied".equals(code)) {
            return ErrorKind.ACCESS;
        }
        if (status == 412 || "PreconditionFailed".equals(code)) {
            return ErrorKind.PRECONDITION;
        }
        if (status == 429 || status == 503 || THROTTLING.contains(code)) {
            return ErrorKind.THROTTLED;
        }
        if (status >= 500 || TRANSIENT.contains(code)) {
            return ErrorKind.TRANSIENT;
        }
        if (status == 400 && ("InvalidArgument".equals(code) || "InvalidRequest".equals(code)
                || "KeyTooLongError".equals(code) || "InvalidStorageClass".equals(code))) {
            return ErrorKind.INVALID;
        }
        return ErrorKind.FINAL;
    }

    /**
     * The failure as a {@link StorageException}; one already classified passes through unchanged.
     *
     * @param what what was being done, naming the object: {@code "HeadObject s3://bucket/key"}
     */
    public static StorageException classify(Throwable error, String what) {
        Throwable e = unwrap(error);
        if (e instanceof StorageException classified) {
            return classified;
        }
        if (e instanceof S3Exception s3) {
            String code = code(s3);
            int status = s3.statusCode();
            ErrorKind kind = kindOf(code, status);
            String detail = switch (kind) {
                case NOT_FOUND -> "not found";
                case ACCESS -> "access denied" + (message(s3) != null && !"Access Denied".equals(message(s3))
                        ? ": " + message(s3) : "");
                case PRECONDITION -> "the object changed since its version was seen";
                default -> message(s3) == null ? "storage error" : message(s3);
            };
            return new StorageException(kind, code, status, what + ": " + detail + " (" + code + ", HTTP " + status
                    + ")", s3);
        }
        if (e instanceof IOException) {
            return new StorageException(ErrorKind.TRANSIENT, "ConnectionError", -1, what + ": " + e, e);
        }
        if (e instanceof TimeoutException) {
            return new StorageException(ErrorKind.TRANSIENT, "Timeout", -1, what + ": timed out", e);
        }
        if (e instanceof SdkClientException) {
            return new StorageException(ErrorKind.TRANSIENT, "ClientError", -1, what + ": " + e.getMessage(), e);
        }
        return new StorageException(ErrorKind.FINAL, e.getClass().getSimpleName(), -1, what + ": " + e, e);
    }

    /** S3's error code, or {@code HTTP<status>} when the answer had no body (HEAD). */
    static String code(S3Exception s3) {
        return s3.awsErrorDetails() != null && s3.awsErrorDetails().errorCode() != null
                ? s3.awsErrorDetails().errorCode() : "HTTP" + s3.statusCode();
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(S3Exception s3) {
        return s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
    }
}
