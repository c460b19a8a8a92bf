package io.archivesync.cli.oneshot;

import io.archivesync.avro.Destination;
import io.archivesync.core.config.ConfigException;
import io.archivesync.schemas.key.Destinations;
import io.archivesync.storage.location.LocationSyntax;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder-like location argument of {@code copy}, {@code upload} and {@code download}: {@code s3://bucket/prefix},
 * {@code gs://bucket/prefix}, {@code az://account/container/prefix}, {@code file:///dir} (or a plain directory for
 * {@code upload} and {@code download}), or {@code REMOTE:container/prefix}. Like a folder, {@code s3://b/data} and
 * {@code s3://b/data/} both mean the keys under {@code data/}.
 *
 * @param text  the location as a prefix: ends with {@code /} unless it is a bare container
 * @param s3    the same as an S3 URL when it is on the {@code s3} section's S3, else null (requests to it keep the
 *              key they always had: bucket/key, no uri)
 * @param local the directory when it is a local one, else null
 */
record Place(String text, S3Url s3, Path local) {

    /** @param argument the argument's name, for the error line ({@code SRC}, {@code DST}) */
    static Place parse(String argument, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(argument, "is empty");
        }
        if (text.startsWith(S3Url.SCHEME)) {
            S3Url s3 = S3Url.parse(argument, text);
            return new Place(s3.toString(), s3, null);
        }
        if (text.startsWith("file://")) {
            return local(argument, text.substring("file://".length()));
        }
        Optional<String> problem = LocationSyntax.problem(text);
        if (problem.isPresent()) {
            throw new ConfigException(argument, problem.get());
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            throw new ConfigException(argument, "'" + text + "' is an HTTP(S) URL, which cannot be listed; publish "
                    + "a request per URL instead (docs/sync-requests.md)");
        }
        return new Place(text.endsWith("/") || text.endsWith(":") ? text : text + "/", null, null);
    }

    /** A local directory, absolute or relative to the working directory. */
    static Place local(String argument, String path) {
        if (path.isBlank()) {
            throw new ConfigException(argument, "names no directory");
        }
        Path dir = Path.of(path).toAbsolutePath().normalize();
        String url = "file://" + dir + (dir.toString().endsWith("/") ? "" : "/");
        return new Place(url, null, dir);
    }

    /** The location of an object under this place, by its key relative to it. */
    String child(String relative) {
        return s3 != null ? S3Url.SCHEME + s3.bucket() + "/" + s3.key(relative) : text + relative;
    }

    /** Where a request for {@code relative} writes. */
    Destination destination(String relative) {
        if (s3 != null) {
            return Destination.newBuilder().setBucket(s3.bucket()).setKey(s3.key(relative)).build();
        }
        return Destinations.of(child(relative), null);
    }

    @Override
    public String toString() {
        return text;
    }
}
