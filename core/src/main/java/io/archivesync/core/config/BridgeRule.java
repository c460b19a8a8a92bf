package io.archivesync.core.config;

/**
 * One routing rule of the SQS bridge: objects created in {@code bucket} under {@code prefix} are mirrored to
 * {@code destinationBucket}, the source prefix replaced by {@code destinationPrefix}
 * ({@code prefix + rest → destinationPrefix + rest}). The longest matching prefix wins.
 *
 * @param bucket            the bucket whose notifications the queue carries
 * @param prefix            key prefix in that bucket; blank matches every key
 * @param destinationBucket the mirror's bucket
 * @param destinationPrefix put in place of {@code prefix}; blank keeps the rest of the key as is
 * @param anonymous         read the source without credentials (default false)
 */
public record BridgeRule(String bucket, String prefix, String destinationBucket, String destinationPrefix,
                         Boolean anonymous) {

    public BridgeRule {
        bucket = Check.notBlank("bridge.rules.bucket", bucket);
        anonymous = Boolean.TRUE.equals(anonymous);
        prefix = prefix == null ? "" : prefix;
        destinationBucket = Check.bucketName("bridge.rules.destinationBucket", destinationBucket);
        destinationPrefix = destinationPrefix == null ? "" : destinationPrefix.strip();
        if (destinationPrefix.startsWith("/") || destinationPrefix.contains("..")) {
            throw new ConfigException("bridge.rules.destinationPrefix",
                    "must be relative and must not contain '..', was '" + destinationPrefix + "'");
        }
    }

    /** Whether a created object falls under this rule. */
    public boolean matches(String sourceBucket, String key) {
        return bucket.equals(sourceBucket) && key.startsWith(prefix);
    }

    /** The mirror's key for a source key this rule matches. */
    public String destinationKey(String key) {
        return destinationPrefix + key.substring(prefix.length());
    }
}
