package io.archivesync.storage.location;

import io.archivesync.core.config.StorageSettings;
import io.archivesync.storage.BlobRef;
import java.util.Optional;

/**
 * How a location is written, checked without any configuration (the processor validates requests with it): a URL
 * {@link BlobRef#parse} reads, or {@code NAME:container/key} with a remote name {@link StorageSettings#REMOTE_NAME}
 * allows.
 */
public final class LocationSyntax {

    private LocationSyntax() {
    }

    /**
     * The remote a location names ({@code backup} of {@code backup:bucket/key}), or empty for a URL.
     *
     * @throws IllegalArgumentException naming what is wrong, when it is neither
     */
    public static Optional<Named> named(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a location is empty");
        }
        int colon = text.indexOf(':');
        if (colon > 0 && !text.startsWith("://", colon)) {
            String name = text.substring(0, colon);
            if (!StorageSettings.REMOTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + text + "' is neither a URL (s3://, gs://, az://, file://, "
                        + "https://) nor REMOTE:path with a remote name of lower-case letters, digits, '-' or '_'");
            }
            return Optional.of(new Named(name, text.substring(colon + 1)));
        }
        BlobRef.parse(text);
        return Optional.empty();
    }

    /** Why a location cannot be read, or empty when it can. */
    public static Optional<String> problem(String text) {
        try {
            named(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A location on a named remote.
     *
     * @param remote the remote's name
     * @param path   what follows the colon: {@code container/key} (for a file remote, a path under its root)
     */
    public record Named(String remote, String path) {
    }
}
