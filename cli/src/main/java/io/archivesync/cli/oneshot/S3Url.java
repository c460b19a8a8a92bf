package io.archivesync.cli.oneshot;

import io.archivesync.core.config.Check;
import io.archivesync.core.config.ConfigException;

/**
 * An {@code s3://bucket/prefix} argument. A prefix names a folder: {@code s3://b/data} and {@code s3://b/data/} both
 * mean the keys under {@code data/}, so keys are kept relative to it as a file copy would.
 *
 * @param bucket the bucket, valid by S3's naming rules
 * @param prefix empty, or ending with {@code /}
 */
record S3Url(String bucket, String prefix) {

    static final String SCHEME = "s3://";

    /** @param argument the argument's name, for the error line (e.g. {@code SRC}) */
    static S3Url parse(String argument, String text) {
        if (text == null || !text.startsWith(SCHEME) || text.length() == SCHEME.length()) {
            throw new ConfigException(argument, "'" + text + "' must be s3://bucket or s3://bucket/prefix");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        Check.bucketName(argument, bucket);
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw new ConfigException(argument, "'" + text + "' has an empty path segment");
        }
        return new S3Url(bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The key under this prefix for a key relative to it. */
    String key(String relative) {
        return prefix + relative;
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
