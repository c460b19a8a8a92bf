package io.archivesync.embedded.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.net.URI;
import java.util.Objects;

/**
 * Where a GCS JSON API is, for clients that take no credentials (the fixture, or any emulator).
 *
 * @param endpoint  base URL, e.g. {@code http://127.0.0.1:PORT}
 * @param projectId the project buckets are created in
 */
public record GcsEndpoint(URI endpoint, String projectId) {

    public GcsEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(projectId, "projectId");
    }

    /** A real {@code google-cloud-storage} client pointed at the endpoint; the caller closes it. */
    public Storage newClient() {
        return StorageOptions.newBuilder()
                .setHost(endpoint.toString())
                .setProjectId(projectId)
                .setCredentials(NoCredentials.getInstance())
                .build()
                .getService();
    }
}
