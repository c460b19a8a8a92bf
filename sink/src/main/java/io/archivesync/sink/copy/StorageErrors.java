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
                return new Classified(CopyOutcome.FAILED_OTHER, code,
                        what + ": the source changed since the request was made (" + code + ")");
            }
            String detail = s3.awsErrorDetails() != null && s3.awsErrorDetails().errorMessage() != null
                    ? s3.awsErrorDetails().errorMessage() : "storage error";
            return new Classified(CopyOutcome.FAILED_OTHER, code,
                    what + ": " + detail + " (" + code + ", HTTP " + status + ")");
        }
        if (e instanceof TimeoutException) {
            return new Classified(CopyOutcome.FAILED_OTHER, "Timeout", what + ": timed out");
        }
        if (e instanceof SdkClientException) {
            return new Classified(CopyOutcome.FAILED_OTHER, "ClientError", what + ": " + e.getMessage());
        }
        return new Classified(CopyOutcome.FAILED_OTHER, e.getClass().getSimpleName(), what + ": " + e);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
