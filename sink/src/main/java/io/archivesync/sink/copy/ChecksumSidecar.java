package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The published SHA-256 of an archive object: its {@code <file>.CHECKSUM} sidecar next to it at the source, in the
 * {@code sha256sum} format (64 hex, two spaces, the file name, often without a trailing newline). Read from the
 * source, not the mirror, so it is the publisher's word and not our copy of it.
 */
public final class ChecksumSidecar {

    public static final String SUFFIX = ".CHECKSUM";
    /** A sidecar is a line; anything much bigger is not one. */
    private static final int MAX_BYTES = 4096;

    private final SourceOpener opener;

    ChecksumSidecar(SourceOpener opener) {
        this.opener = opener;
    }

    /** Whether this request is itself a sidecar: mirrored like any object, verified against nothing. */
    public static boolean isSidecar(FileSyncRequest request) {
        return (request.getArchive() != null && request.getArchive().getSidecar())
                || request.getSource().getUri().endsWith(SUFFIX);
    }

    /** Whether the object has a published sidecar worth reading: an archive data file. */
    public static boolean hasSidecar(FileSyncRequest request) {
        return request.getArchive() != null && !isSidecar(request);
    }

    /**
     * @return the published SHA-256 in lower-case hex; empty when the sidecar does not exist (the archive has missing
     *         ones); a failed future when it could not be read or makes no sense
     */
    CompletableFuture<Optional<String>> read(FileSyncRequest request) {
        FileSyncRequest sidecar = FileSyncRequest.newBuilder(request)
                .setSource(io.archivesync.avro.SourceLocation.newBuilder(request.getSource())
                        .setUri(request.getSource().getUri() + SUFFIX).build())
                .setExpectedEtag(null)
                .build();
        return opener.open(sidecar).thenApply(s -> Optional.of(parse(readSmall(s.body()), sidecar)))
                .exceptionally(error -> {
                    StorageErrors.Classified c = StorageErrors.classify(error, "sidecar");
                    if (c.outcome() == io.archivesync.avro.CopyOutcome.FAILED_NOT_FOUND) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("could not read " + sidecar.getSource().getUri() + ": "
                            + c.message(), StorageErrors.unwrap(error));
                });
    }

    static String parse(String text, FileSyncRequest sidecar) {
        return parse(text, sidecar.getSource().getUri());
    }

    /** The SHA-256 a sidecar's text names, in lower-case hex. @throws IllegalStateException when it names none */
    public static String parse(String text, String where) {
        String token = text.strip().split("\\s+", 2)[0];
        if (!Hex.isSha256Hex(token)) {
            throw new IllegalStateException(where + " holds no SHA-256 (starts with '"
                    + text.substring(0, Math.min(40, text.length())) + "')");
        }
        return token.toLowerCase(java.util.Locale.ROOT);
    }

    private static String readSmall(InputStream in) {
        try (in) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
