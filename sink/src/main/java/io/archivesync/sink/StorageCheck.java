package io.archivesync.sink;

import io.archivesync.core.config.S3Settings;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.s3.S3Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The copier's start-up check of its storage: one cheap authenticated call (ListBuckets), so that an unreachable
 * endpoint or refused credentials stop the copier with one line naming the setting, instead of every copy failing
 * later. A permission missing for ListBuckets alone proves the credentials good, and is no reason to stop.
 */
public final class StorageCheck {

    private static final Logger LOGGER = LoggerFactory.getLogger(StorageCheck.class);

    private StorageCheck() {
    }

    /** @throws IllegalStateException naming {@code s3.endpoint} or {@code s3.accessKey}/{@code s3.secretKey} */
    public static void requireUsable(S3Settings s3) {
        try (S3Client client = S3Clients.sync(s3, null, false)) {
            client.listBuckets();
            LOGGER.info("storage reachable endpoint={} credentials=accepted",
                    s3.endpoint() == null ? "aws" : s3.endpoint());
        } catch (SdkException e) {
            if (S3Failures.accessDenied(e)) {
                LOGGER.info("storage reachable, credentials accepted; ListBuckets not permitted, which copies "
                        + "do not need");
                return;
            }
            throw S3Failures.startupFailure(e, s3, "when the copier checked its storage (ListBuckets)");
        }
    }
}
