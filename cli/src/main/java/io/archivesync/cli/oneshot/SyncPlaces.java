package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
import io.archivesync.storage.location.Locations;
import io.archivesync.sync.SyncEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two location arguments of {@code sync}: a local directory (a path, or {@code file:///dir}, created when
 * missing) or any place {@link Place} reads ({@code s3://}, {@code gs://}, {@code az://}, {@code REMOTE:...}).
 */
final class SyncPlaces {

    private SyncPlaces() {
    }

    static Place parse(String argument, String text) {
        if (text != null && text.startsWith("file://")) {
            return Place.local(argument, text.substring("file://".length()));
        }
        if (text != null && !text.isBlank() && !text.contains(":")) {
            return Place.local(argument, text);
        }
        return Place.parse(argument, text);
    }

    /** {@code storage.localRoots} for the local ones among them, so that only they may be read and written. */
    static List<String> localRoots(Place a, Place b) {
        List<String> roots = Stream.of(a, b).filter(p -> p.local() != null)
                .map(p -> "'" + p.local().toString().replace("'", "''") + "'").toList();
        return roots.isEmpty() ? List.of() : List.of("storage.localRoots=[" + String.join(", ", roots) + "]");
    }

    static SyncEndpoint endpoint(Locations locations, String argument, Place place) {
        if (place.local() != null) {
            try {
                Files.createDirectories(place.local());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + place.local(), e);
            }
        }
        try {
            Locations.Resolved resolved = locations.resolve(place.text(), false);
            return new SyncEndpoint(resolved.store(), resolved.ref(), place.text());
        } catch (RuntimeException e) {
            throw new ConfigException(argument, e.getMessage());
        }
    }
}
