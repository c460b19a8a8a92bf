package io.archivesync.schemas.key;

import io.archivesync.avro.Destination;

/** The one reading of where a {@link Destination} is. */
public final class Destinations {

    private Destinations() {
    }

    /** The destination as a location: its uri, or {@code s3://bucket/key} for requests that name none. */
    public static String location(Destination destination) {
        String uri = destination.getUri();
        return uri == null || uri.isBlank() ? "s3://" + destination.getBucket() + "/" + destination.getKey() : uri;
    }
}
