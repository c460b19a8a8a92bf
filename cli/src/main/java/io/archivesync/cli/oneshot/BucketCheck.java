package io.archivesync.cli.oneshot;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigException;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.s3.S3Failures;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.http.HttpOpener;
import io.archivesync.storage.location.Locations;
import io.archivesync.storage.s3.S3StoreOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The destination bucket must exist before anything is requested, or every object would fail one by one: one HEAD
 * says so up front, and {@code --create-bucket} creates it instead.
 */
final class BucketCheck {

    private static final int NOT_FOUND = 404;

    private BucketCheck() {
    }

    /** @return whether the bucket was created */
    static boolean require(AppConfig config, String bucket, boolean create) {
        try (S3Client s3 = S3Clients.sync(config.s3(), config.s3().region(), false)) {
            if (exists(s3, bucket)) {
                return false;
            }
            if (!create) {
                throw new ConfigException("DST", "the destination bucket '" + bucket + "' does not exist"
                        + where(config) + "; create it, or pass --create-bucket");
            }
            s3.createBucket(b -> b.bucket(bucket));
            return true;
        } catch (SdkException e) {
            throw S3Failures.startupFailure(e, config.s3(), "checking the destination bucket " + bucket);
        }
    }

    /**
     * The same for a destination on another provider: its bucket or container must list (a local directory is
     * created as files are written). {@code --create-bucket} creates S3 buckets only.
     */
    static void requireElsewhere(AppConfig config, Place destination, boolean create) {
        if (destination.local() != null) {
            return;
        }
        try (Locations locations = new Locations(config.s3(), config.storage(), S3StoreOptions.DEFAULTS,
                HttpOpener.jdk())) {
            Locations.Resolved where = locations.resolve(destination.text(), false);
            where.store().list(where.ref(), "/").hasNext();
        } catch (StorageException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw new ConfigException("DST", "the destination " + destination + " does not exist; create its "
                        + "bucket or container" + (create ? " (--create-bucket creates S3 buckets only)" : ""));
            }
            throw new ConfigException("DST", "cannot reach the destination " + destination + ": " + e.getMessage());
        }
    }

    private static boolean exists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static String where(AppConfig config) {
        return config.s3().endpoint() == null ? " in AWS S3 (s3.region=" + config.s3().region() + ")"
                : " on " + config.s3().endpoint();
    }
}
