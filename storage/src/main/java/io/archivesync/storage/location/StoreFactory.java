package io.archivesync.storage.location;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import io.archivesync.avro.ErrorKind;
import io.archivesync.core.config.RemoteSettings;
import io.archivesync.core.config.S3Settings;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.azure.AzureBlobConfig;
import io.archivesync.storage.azure.AzureBlobStore;
import io.archivesync.storage.file.FileBlobStore;
import io.archivesync.storage.gcs.GcsBlobStore;
import io.archivesync.storage.gcs.GcsSettings;
import io.archivesync.storage.s3.S3BlobStore;
import io.archivesync.storage.s3.S3StoreOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Builds the store a remote describes, each with the provider's defaults where the remote is silent. */
final class StoreFactory {

    private final S3Settings s3;
    private final S3StoreOptions s3Options;

    StoreFactory(S3Settings s3, S3StoreOptions s3Options) {
        this.s3 = s3;
        this.s3Options = s3Options;
    }

    BlobStore create(String name, RemoteSettings remote, boolean anonymous) {
        return switch (remote.type()) {
            case "s3" -> S3BlobStore.create(new S3Settings(remote.endpoint(),
                    remote.region() != null ? remote.region() : s3.region(), remote.accessKey(), remote.secretKey(),
                    remote.pathStyle(), s3.maxConcurrency()), anonymous || remote.anonymous(), s3Options);
            case "gs" -> GcsBlobStore.create(new GcsSettings(
                    remote.endpoint() != null ? URI.create(remote.endpoint()) : GcsSettings.GOOGLE,
                    project(name, remote), credentials(name, remote, anonymous), 0));
            case "az" -> new AzureBlobStore(remote.endpoint() != null
                    ? AzureBlobConfig.of(remote.account(), URI.create(remote.endpoint()), remote.accountKey())
                    : AzureBlobConfig.of(remote.account(), remote.accountKey()));
            case "file" -> new FileBlobStore(Path.of(remote.root()), 1000);
            default -> throw new IllegalStateException("unknown remote type " + remote.type());
        };
    }

    /** The {@code s3} section as a store: plain {@code s3://} URLs. */
    BlobStore defaultS3(boolean anonymous) {
        return S3BlobStore.create(s3, anonymous, s3Options);
    }

    private static String project(String name, RemoteSettings remote) {
        String project = remote.project() != null ? remote.project() : ServiceOptions.getDefaultProjectId();
        if (project == null) {
            throw new StorageException(ErrorKind.INVALID, "NoProject", -1, "remote '" + name + "' names no GCS "
                    + "project and the environment has none: set storage.remotes." + name + ".project", null);
        }
        return project;
    }

    private static Credentials credentials(String name, RemoteSettings remote, boolean anonymous) {
        if (anonymous || remote.anonymous()) {
            return NoCredentials.getInstance();
        }
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new StorageException(ErrorKind.ACCESS, "NoCredentials", -1, "remote '" + name + "': no Google "
                    + "credentials (set GOOGLE_APPLICATION_CREDENTIALS, or anonymous: true for public buckets): "
                    + e.getMessage(), e);
        }
    }
}
