package io.archivesync.processor.batch;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.Route;
import io.archivesync.core.s3.S3Location;

/**
 * Which copier pool a request belongs to: an S3 source can be copied server-side (request-rate bound), anything else
 * must be streamed through a copier (bandwidth bound).
 */
public final class Routes {

    private Routes() {
    }

    public static Route of(FileSyncRequest request) {
        if (S3Location.isS3(request.getSource().getUri()) && !"TRADITIONAL".equals(request.getMode())) {
            return Route.SERVER_SIDE;
        }
        return Route.STREAMING;
    }
}
