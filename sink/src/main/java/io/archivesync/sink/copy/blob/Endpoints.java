package io.archivesync.sink.copy.blob;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.s3.S3Location;
import io.archivesync.schemas.key.Destinations;

/** Which requests leave S3 to S3: the one rule the copier routes by. */
public final class Endpoints {

    private Endpoints() {
    }

    /**
     * Whether the request is carried out on the storage interface rather than the S3 copier: a destination that is not
     * the copier's S3, or a source that is neither S3 nor HTTP(S) (those the S3 copier handles as before).
     */
    public static boolean crossProvider(FileSyncRequest request) {
        String source = request.getSource().getUri();
        boolean s3Destination = S3Location.isS3(Destinations.location(request.getDestination()));
        return !s3Destination || !(S3Location.isS3(source) || S3Location.isHttp(source));
    }
}
