package io.archivesync.core.s3;

import io.archivesync.core.config.S3Settings;
import io.archivesync.core.config.UrlMasking;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Says an S3 failure in one line that names the setting to fix ({@code s3.endpoint}, {@code s3.accessKey} and
 * {@code s3.secretKey}), for start-up checks: the SDK's own messages name neither the setting nor the fix.
 */
public final class S3Failures {

    /** Error codes with which S3 refuses the credentials themselves, not what they may do. */
    private static final Set<String> CREDENTIALS_REFUSED = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "InvalidClientTokenId", "AuthorizationHeaderMalformed");

    private S3Failures() {
    }

    /** Whether S3 refused the credentials (a wrong key or secret), as opposed to a missing permission. */
    public static boolean credentialsRefused(Throwable failure) {
        AwsServiceException service = find(failure, AwsServiceException.class);
        return service != null && service.awsErrorDetails() != null
                && CREDENTIALS_REFUSED.contains(service.awsErrorDetails().errorCode());
    }

    /** Whether S3 accepted the credentials but denied the action: a missing permission, not a wrong secret. */
    public static boolean accessDenied(Throwable failure) {
        AwsServiceException service = find(failure, AwsServiceException.class);
        return service != null && service.statusCode() == 403 && !credentialsRefused(service);
    }

    /**
     * @param what what was being done, e.g. {@code "to list s3://data.binance.vision/data/"}
     * @return an exception whose message is the one line; the SDK's exception as its cause
     */
    public static IllegalStateException startupFailure(Throwable failure, S3Settings s3, String what) {
        return new IllegalStateException(describe(failure, s3, what), failure);
    }

    /** The one line, see {@link #startupFailure}. */
    public static String describe(Throwable failure, S3Settings s3, String what) {
        String where = s3.endpoint() == null ? "AWS S3 (s3.region=" + s3.region() + ")"
                : "S3 at s3.endpoint=" + UrlMasking.mask(s3.endpoint());
        AwsServiceException service = find(failure, AwsServiceException.class);
        if (service != null) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String answer = "HTTP " + service.statusCode() + (code == null ? "" : " " + code);
            if (credentialsRefused(service)) {
                return where + " refused the credentials " + what + " (" + answer + "): check s3.accessKey and "
                        + "s3.secretKey";
            }
            if (accessDenied(service)) {
                return where + " denied access " + what + " (" + answer + "): the credentials of s3.accessKey lack "
                        + "the permission, or the bucket belongs to someone else";
            }
            if ("NoSuchBucket".equals(code)) {
                return where + " has no such bucket " + what + " (" + answer + ")";
            }
            return where + " failed " + what + " (" + answer + "): " + service.getMessage();
        }
        SdkClientException client = find(failure, SdkClientException.class);
        String reason = UrlMasking.mask(rootMessage(failure));
        if (client != null && String.valueOf(client.getMessage()).contains("Unable to load credentials")) {
            return "no S3 credentials " + what + ": set s3.accessKey and s3.secretKey, or give the AWS default "
                    + "chain some (environment, profile, instance role)";
        }
        return "cannot reach " + where + " " + what + ": " + reason + "; fix s3.endpoint (or --s3-endpoint)"
                + (s3.endpoint() == null ? " and s3.region" : "");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
