package io.archivesync.sink.copy.blob;

import io.archivesync.avro.ErrorKind;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.sink.copy.ChecksumSidecar;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.location.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The SHA-256 a copy must have, as the publisher states it: the request's {@code expectedSha256}, or for an archive
 * data
 * file its {@code .CHECKSUM} sidecar next to it at the source, whichever store the source is in.
 *
 * @param sha256   lower-case hex, or null when nothing states one
 * @param problem  why a sidecar that should exist could not be read or parsed (the copy is then unverified), or null
 * @param requests storage requests made to learn it
 */
record PublishedChecksum(String sha256, String problem, int requests) {

    private static final int MAX_BYTES = 4096;

    static PublishedChecksum of(FileSyncRequest request, Locations.Resolved source) {
        if (request.getExpectedSha256() != null) {
            return new PublishedChecksum(request.getExpectedSha256().toLowerCase(Locale.ROOT), null, 0);
        }
        if (!ChecksumSidecar.hasSidecar(request)) {
            return new PublishedChecksum(null, null, 0);
        }
        var sidecar = source.ref().withKey(source.ref().key() + ChecksumSidecar.SUFFIX);
        try (BlobRead read = source.store().read(sidecar, ReadOptions.WHOLE)) {
            String text = new String(read.content().readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
            return new PublishedChecksum(ChecksumSidecar.parse(text, sidecar.url()), null, 1);
        } catch (StorageException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return new PublishedChecksum(null, null, 1);
            }
            if (e.kind() == ErrorKind.TRANSIENT || e.kind() == ErrorKind.THROTTLED) {
                throw e;
            }
            return new PublishedChecksum(null, "could not read " + sidecar + ": " + e.getMessage(), 1);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException(ErrorKind.TRANSIENT, "SidecarReadFailed", -1, "reading " + sidecar + ": "
                    + e.getMessage(), e);
        } catch (IllegalStateException e) {
            return new PublishedChecksum(null, e.getMessage(), 1);
        }
    }
}
