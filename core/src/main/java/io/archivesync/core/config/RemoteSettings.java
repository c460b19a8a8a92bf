package io.archivesync.core.config;

import java.util.Locale;
import java.util.Set;

/**
 * One named remote, as rclone has them: a place objects live and how to reach it, named once in {@code storage.remotes}
 * and written {@code NAME:container/key} in locations. Source and destination may so be on different accounts, clouds
 * and endpoints. A remote named after a scheme ({@code s3}, {@code gs}, {@code az}) is also what plain
 * {@code gs://} / {@code az://} URLs of that scheme use (S3 URLs use the {@code s3} section unless a remote named
 * {@code s3} exists).
 *
 * @param type        {@code s3}, {@code gs} (Google Cloud Storage), {@code az} (Azure Blob) or {@code file}
 * @param endpoint    the service's URL when not the provider's public one (S3Proxy, MinIO, Azurite, a fixture)
 * @param region      S3: the region (default: {@code s3.region})
 * @param accessKey   S3: static credentials (blank: the AWS default chain); Azure: unused
 * @param secretKey   S3: with accessKey
 * @param pathStyle   S3: path-style addressing (absent: false)
 * @param anonymous   S3 and GCS: read without credentials (public buckets; absent: false)
 * @param project     GCS: the project requests are billed to (default: the environment's)
 * @param account     Azure: the storage account (the {@code account} of {@code az://account/container/key})
 * @param accountKey  Azure: its shared key
 * @param root        file: the directory {@code NAME:path} is relative to
 */
public record RemoteSettings(String type, String endpoint, String region, String accessKey, String secretKey,
                             Boolean pathStyle, Boolean anonymous, String project, String account, String accountKey,
                             String root) {

    /** The types a remote may have. */
    public static final Set<String> TYPES = Set.of("s3", "gs", "az", "file");

    public RemoteSettings {
        type = type == null ? null : type.strip().toLowerCase(Locale.ROOT);
        pathStyle = Boolean.TRUE.equals(pathStyle);
        anonymous = Boolean.TRUE.equals(anonymous);
        endpoint = blankToNull(endpoint);
        region = blankToNull(region);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        project = blankToNull(project);
        account = blankToNull(account);
        accountKey = blankToNull(accountKey);
        root = blankToNull(root);
    }

    /** Checks what only makes sense per type; the remote's name goes into each message. */
    void validate(String name) {
        String at = "storage.remotes." + name;
        if (type == null || !TYPES.contains(type)) {
            throw new ConfigException(at + ".type", "must be one of s3, gs, az, file; was '" + type + "'");
        }
        if (endpoint != null && !endpoint.matches("https?://.+")) {
            throw new ConfigException(at + ".endpoint", "'" + endpoint + "' must be an http:// or https:// URL");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigException(at + ".accessKey", "accessKey and secretKey must be set together");
        }
        if ("az".equals(type) && (account == null || accountKey == null)) {
            throw new ConfigException(at + ".account", "an az remote needs account and accountKey");
        }
        if ("file".equals(type) && (root == null || !root.startsWith("/"))) {
            throw new ConfigException(at + ".root", "a file remote needs an absolute root directory");
        }
    }

    /** An S3 remote at an endpoint with static credentials. */
    public static RemoteSettings s3(String endpoint, String region, String accessKey, String secretKey,
                                    boolean pathStyle) {
        return new RemoteSettings("s3", endpoint, region, accessKey, secretKey, pathStyle, false, null, null, null,
                null);
    }

    /** A GCS remote; {@code endpoint} null for Google's, {@code anonymous} for a fixture or public buckets. */
    public static RemoteSettings gcs(String endpoint, String project, boolean anonymous) {
        return new RemoteSettings("gs", endpoint, null, null, null, false, anonymous, project, null, null, null);
    }

    /** An Azure Blob remote; {@code endpoint} null for {@code https://ACCOUNT.blob.core.windows.net}. */
    public static RemoteSettings azure(String endpoint, String account, String accountKey) {
        return new RemoteSettings("az", endpoint, null, null, null, false, false, null, account, accountKey, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "RemoteSettings[type=" + type + ", endpoint=" + endpoint + ", region=" + region + ", accessKey="
                + (accessKey == null ? "none" : "****") + ", anonymous=" + anonymous + ", project=" + project
                + ", account=" + account + ", accountKey=" + (accountKey == null ? "none" : "****") + ", root=" + root
                + "]";
    }
}
