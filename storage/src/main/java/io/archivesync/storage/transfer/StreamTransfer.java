package io.archivesync.storage.transfer;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Streams one object from one store to another through this process: no local disk, and memory bounded by one part
 * buffer per transfer. The source is read once, pinned to the version its HEAD saw, and hashed as it passes (MD5,
 * CRC32C, SHA-256). Before the last step makes the object visible, the hashes are checked against the source's own
 * checksums and against the expected SHA-256 (a {@code .CHECKSUM} sidecar): a mismatch aborts the write, so a bad
 * copy never becomes visible and never replaces a good one.
 */
public final class StreamTransfer {

    private StreamTransfer() {
    }

    /**
     * What a streamed copy did.
     *
     * @param written  what the destination store says about the new object
     * @param bytes    the bytes that passed through this process
     * @param computed the checksums of those bytes
     * @param requests storage requests made: the read, and the write's (one, or create + parts + complete)
     */
    public record Streamed(BlobInfo written, long bytes, Checksums computed, int requests) {
    }

    /**
     * @param source         what the source's HEAD said (its version pins the read, its checksums are checked)
     * @param expectedSha256 the SHA-256 the content must have (lower-case hex), or null
     * @param partBytes      the part size, and so the memory this transfer holds
     * @param progress       told the bytes of each part as it is sent
     * @throws StorageException CHECKSUM when the bytes contradict the source's checksums or the expected SHA-256
     *                          (nothing written stays); TRANSIENT when the source ends early; whatever either store
     *                          throws
     */
    public static Streamed stream(BlobStore from, BlobInfo source, BlobStore to, BlobRef destination,
                                  WriteOptions options, String expectedSha256, int partBytes, LongConsumer progress) {
        if (partBytes <= 0) {
            throw new IllegalArgumentException("partBytes must be positive, was " + partBytes);
        }
        WriteOptions sized = options.size() >= 0 ? options : new WriteOptions(options.contentType(),
                options.metadata(), options.storageClass(), source.size(), options.sha256(), options.modified(),
                options.precondition());
        byte[] buffer = new byte[(int) Math.min(partBytes, Math.max(1, source.size()))];
        ContentHashes hashes = new ContentHashes();
        long total = 0;
        int parts = 0;
        try (BlobRead read = from.read(source.ref(), ReadOptions.ifVersion(source.version()));
             BlobWrite write = to.write(destination, sized)) {
            InputStream in = read.content();
            while (true) {
                int n = fill(in, buffer, source.ref());
                hashes.update(buffer, 0, n);
                total += n;
                if (total > source.size()) {
                    write.abort();
                    throw new StorageException(ErrorKind.TRANSIENT, "SourceChanged", -1, source.ref()
                            + " sent more than its " + source.size() + " bytes: it changed while being read", null);
                }
                if (total == source.size() || n < buffer.length) {
                    Checksums computed = hashes.finish();
                    check(source, destination, total, computed, expectedSha256, write);
                    if (n > 0) {
                        write.part(buffer, n);
                        progress.accept(n);
                        parts++;
                    }
                    BlobInfo written = write.complete();
                    if (written.checksums().contradicts(computed)) {
                        throw new StorageException(ErrorKind.CHECKSUM, "DestinationChecksumMismatch", -1,
                                destination + " reports checksums " + written.checksums() + " for bytes that were "
                                        + computed, null);
                    }
                    return new Streamed(written, total, computed, 1 + (parts == 1 ? 1 : parts + 2));
                }
                write.part(buffer, n);
                progress.accept(n);
                parts++;
            }
        }
    }

    private static void check(BlobInfo source, BlobRef destination, long total, Checksums computed,
                              String expectedSha256, BlobWrite write) {
        if (total != source.size()) {
            write.abort();
            throw new StorageException(ErrorKind.TRANSIENT, "SourceTruncated", -1, source.ref() + " ended after "
                    + total + " of its " + source.size() + " bytes", null);
        }
        if (source.checksums().contradicts(computed)) {
            write.abort();
            throw new StorageException(ErrorKind.CHECKSUM, "SourceChecksumMismatch", -1, source.ref()
                    + " sent bytes whose checksums " + computed + " contradict its own " + source.checksums()
                    + "; nothing was written to " + destination, null);
        }
        if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(computed.sha256())) {
            write.abort();
            throw new StorageException(ErrorKind.CHECKSUM, "ChecksumMismatch", -1, source.ref() + " has SHA-256 "
                    + computed.sha256() + ", not the published " + expectedSha256 + "; nothing was written to "
                    + destination, null);
        }
    }

    /** Reads until the buffer is full or the stream ends; the count read. */
    private static int fill(InputStream in, byte[] buffer, BlobRef from) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new StorageException(ErrorKind.TRANSIENT, e.getClass().getSimpleName(), -1, "reading " + from
                    + ": " + e.getMessage(), e);
        }
    }
}
