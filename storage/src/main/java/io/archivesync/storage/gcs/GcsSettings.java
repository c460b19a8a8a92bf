package io.archivesync.storage.gcs;

import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.net.URI;
import java.util.Objects;

/**
 * Where Google Cloud Storage is and how to reach it.
 *
 * @param host                    the JSON API's base URL: {@code https://storage.googleapis.com}, or a fixture's
 * @param projectId               the project requests are billed to and buckets belong to
 * @param credentials             the credentials ({@link NoCredentials} for a fixture or an emulator)
 * @param rewriteMebibytesPerCall how much one rewrite call may copy ({@code maxBytesRewrittenPerCall}), or 0 to let
 *                                GCS decide; GCS may still answer in several calls, which are always followed
 */
public record GcsSettings(URI host, String projectId, Credentials credentials, long rewriteMebibytesPerCall) {

    /** The public endpoint. */
    public static final URI GOOGLE = URI.create("https://storage.googleapis.com");

    public GcsSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        if (host.getScheme() == null || host.getHost() == null) {
            throw new IllegalArgumentException("gcs.host '" + host + "' must be an absolute http(s) URL");
        }
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("gcs.project-id must be set");
        }
        if (rewriteMebibytesPerCall < 0) {
            throw new IllegalArgumentException("gcs.rewrite-mebibytes-per-call must be 0 (GCS decides) or more");
        }
    }

    /** A client without credentials, for a fixture or an emulator at {@code host}. */
    public static GcsSettings anonymous(URI host, String projectId) {
        return new GcsSettings(host, projectId, NoCredentials.getInstance(), 0);
    }

    public GcsSettings withRewriteMebibytesPerCall(long mebibytes) {
        return new GcsSettings(host, projectId, credentials, mebibytes);
    }

    /** A new client over HTTP (the JSON API), which the caller closes. */
    Storage newClient() {
        return StorageOptions.http()
                .setHost(host.toString())
                .setProjectId(projectId)
                .setCredentials(credentials)
                .build()
                .getService();
    }

    @Override
    public String toString() {
        return "GcsSettings[host=" + host + ", projectId=" + projectId + ", credentials="
                + (credentials instanceof NoCredentials ? "none" : "****") + ", rewriteMebibytesPerCall="
                + rewriteMebibytesPerCall + "]";
    }
}
