package io.archivesync.core.config;

/**
 * How the copier and the enumerator reach object storage.
 *
 * @param endpoint       a non-AWS endpoint (MinIO, S3Proxy, ...); blank means AWS's regional endpoints
 * @param region         the destination's region, and the default for sources
 * @param accessKey      static credentials; blank means the AWS default credentials chain
 * @param secretKey      static credentials; must be set exactly when accessKey is
 * @param pathStyle      path-style addressing, which most non-AWS servers need
 * @param maxConcurrency requests in flight per client
 */
public record S3Settings(
        String endpoint,
        String region,
        String accessKey,
        String secretKey,
        boolean pathStyle,
        int maxConcurrency) {

    public S3Settings {
        endpoint = blankToNull(endpoint);
        region = Check.notBlank("s3.region", region);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigException(accessKey == null ? "s3.accessKey" : "s3.secretKey",
                    "s3.accessKey and s3.secretKey must be set together (or both left blank for the default chain)");
        }
        if (endpoint != null && !endpoint.matches("https?://.+")) {
            throw new ConfigException("s3.endpoint", "'" + endpoint + "' must be an http:// or https:// URL");
        }
        Check.positive("s3.maxConcurrency", maxConcurrency);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether static credentials are configured. */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }
}
