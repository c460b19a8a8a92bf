package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.Check;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.topic.RequestAttributes;

/**
 * Which objects {@code status}, {@code retry} and {@code history} are about: every one, one job's (its id), or the
 * destinations under an {@code s3://bucket/prefix} (also {@code bucket/prefix}). A destination selection names a key
 * or a folder: {@code s3://b/data} matches the key {@code data} and every key under {@code data/}, as {@code copy}
 * reads a prefix.
 *
 * @param job  the job id, or null
 * @param path the destination {@code bucket/key} or {@code bucket/prefix} (as {@link
 *             io.archivesync.schemas.key.RecordKey} builds it), or null
 */
record Selection(String job, String path) {

    static final Selection ALL = new Selection(null, null);

    /** @param argument the argument's name, for the error line; {@code text} null selects everything */
    static Selection parse(String argument, String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        if (!text.startsWith(S3Url.SCHEME) && !location(text).startsWith(S3Url.SCHEME)) {
            // gs://, az://, file:// or REMOTE: keys are the location itself
            return new Selection(null, text);
        }
        String rest = text.startsWith(S3Url.SCHEME) ? text.substring(S3Url.SCHEME.length()) : text;
        if (!text.startsWith(S3Url.SCHEME) && !rest.contains("/")) {
            return new Selection(text, null);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new ConfigException(argument, "'" + text + "' must be s3://bucket/key, bucket/key or a job id");
        }
        Check.bucketName(argument, bucket);
        return new Selection(null, slash < 0 ? bucket + "/" : rest);
    }

    boolean byJob() {
        return job != null;
    }

    /** Whether a destination {@code bucket/key} is selected; a job selection decides by request, not here. */
    boolean matches(String destination) {
        if (path == null) {
            return job == null;
        }
        return destination.equals(path) || destination.startsWith(path.endsWith("/") ? path : path + "/");
    }

    /** Whether a request is selected: by its job attribute, or by its destination. */
    boolean matches(FileSyncRequest request, String destination) {
        return byJob() ? job.equals(request.getAttributes().get(RequestAttributes.JOB)) : matches(destination);
    }

    @Override
    public String toString() {
        return byJob() ? "job " + job : path == null ? "all objects" : location(path);
    }

    /** A record key as a location: {@code bucket/key} on the copier's S3, the location itself elsewhere. */
    static String location(String key) {
        return key.contains("://") || key.matches("[a-z][a-z0-9_-]*:.*") ? key : S3Url.SCHEME + key;
    }
}
