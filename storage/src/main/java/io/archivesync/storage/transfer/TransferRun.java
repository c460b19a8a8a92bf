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
import io.archivesync.storage.transfer.StreamTransfer.Streamed;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed transfer, as {@link StreamTransfer#stream} describes it: read the source once, replay what a resumed
 * write holds already (hashed, not sent), send the rest part by part (each on the {@link PartSender} while the next is
 * read and hashed), recording each part in the journal, check, and complete.
 *
 * <p>How a failure ends the write: a verdict on the content (the source changed or ended early, a checksum differs, a
 * precondition or access refused) aborts it and forgets its checkpoint. A failure that may pass (TRANSIENT,
 * THROTTLED, or anything that is not a storage failure: the journal's own, say) keeps the write for resuming, when the
 * journal holds a checkpoint of it; with no checkpoint nobody could find it again, and it is aborted too.
 */
final class TransferRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(TransferRun.class);

    private final BlobStore from;
    private final BlobInfo source;
    private final BlobStore to;
    private final BlobRef destination;
    private final WriteOptions options;
    private final String expectedSha256;
    private final int partBytes;
    private final LongConsumer progress;
    private final TransferJournal journal;
    /** The part being filled; {@link #spare} is the other, sent meanwhile ({@link PartSender}). */
    private byte[] buffer;
    private byte[] spare;
    /** The requests of attempts before the current one's write: their reads, and writes given up. */
    private int requests;

    TransferRun(BlobStore from, BlobInfo source, BlobStore to, BlobRef destination, WriteOptions options,
                String expectedSha256, int partBytes, LongConsumer progress, TransferJournal journal) {
        this.from = from;
        this.source = source;
        this.to = to;
        this.destination = destination;
        this.options = options;
        this.expectedSha256 = expectedSha256;
        this.partBytes = partBytes;
        this.progress = progress;
        this.journal = journal;
        this.buffer = new byte[(int) Math.min(partBytes, Math.max(1, source.size()))];
    }

    Streamed run() {
        Streamed streamed = attempt(true);
        return streamed != null ? streamed : attempt(false);
    }

    /** @return null when a resumed write held other bytes than the source and was given up: start over */
    private Streamed attempt(boolean mayResume) {
        requests++;
        try (BlobRead read = from.read(source.ref(), ReadOptions.ifVersion(source.version()))) {
            WriteResumption.Opening opening = WriteResumption.open(to, source, destination, options, partBytes,
                    journal, mayResume);
            requests += opening.spent();
            Sending sending = new Sending(opening.write(), opening.resumed());
            try {
                return sending.send(read.content(), opening.committed());
            } catch (RuntimeException | Error e) {
                sending.failed(e);
                throw e;
            }
        }
    }

    /** The state of one attempt's write. */
    private final class Sending {

        private final BlobWrite write;
        private final ContentHashes hashes = new ContentHashes();
        private final PartSender sender = new PartSender();
        /** Whether the journal holds a checkpoint of this write. */
        private boolean journaled;
        /** Whether the write completed or was aborted: nothing more to do with it. */
        private boolean finished;

        Sending(BlobWrite write, boolean resumed) {
            this.write = write;
            this.journaled = resumed;
            write.callerHashes();
        }

        Streamed send(InputStream in, long committed) {
            long total = 0;
            while (total < committed) {
                int n = fill(in, (int) Math.min(buffer.length, committed - total));
                if (n == 0) {
                    throw verdict(truncated(total));
                }
                hashes.update(buffer, 0, n);
                try {
                    write.replay(buffer, n);
                } catch (StorageException e) {
                    if (e.kind() != ErrorKind.CHECKSUM) {
                        throw e;
                    }
                    LOGGER.warn("Starting over: the resumed write holds other bytes than the source "
                            + "destination={} writeId={} error={}", destination, write.id(), e.getMessage());
                    giveUp(null);
                    requests += write.requests();
                    return null;
                }
                total += n;
            }
            while (true) {
                int n = fill(in, buffer.length);
                hashes.update(buffer, 0, n);
                total += n;
                if (total > source.size()) {
                    throw verdict(new StorageException(ErrorKind.TRANSIENT, "SourceChanged", -1, source.ref()
                            + " sent more than its " + source.size() + " bytes: it changed while being read", null));
                }
                if (total == source.size() || n < buffer.length) {
                    Checksums computed = hashes.finish();
                    sender.await();
                    check(total, computed);
                    if (n > 0) {
                        sendPart(buffer, n);
                    }
                    BlobInfo written = write.complete(computed);
                    finished = true;
                    forget(null);
                    if (written.checksums().contradicts(computed)) {
                        throw new StorageException(ErrorKind.CHECKSUM, "DestinationChecksumMismatch", -1,
                                destination + " reports checksums " + written.checksums() + " for bytes that were "
                                        + computed, null);
                    }
                    return new Streamed(written, total, computed, requests + write.requests(), committed);
                }
                sendAndSwap(n);
            }
        }

        /** Ends the write as the class comment says; never throws (journal failures go with {@code e}). */
        void failed(Throwable e) {
            sender.drain();
            if (finished) {
                return;
            }
            boolean mayPass = !(e instanceof StorageException s) || s.kind() == ErrorKind.TRANSIENT
                    || s.kind() == ErrorKind.THROTTLED;
            if (journaled && mayPass) {
                LOGGER.warn("Transfer failed; its write is kept for resuming destination={} writeId={} "
                        + "committedBytes={} error={}", destination, write.id(), write.committedBytes(), e.toString());
                return;
            }
            giveUp(e);
        }

        /** Sends the full buffer on the sender thread, and goes on filling the other one. */
        private void sendAndSwap(int n) {
            byte[] full = buffer;
            sender.send(() -> sendPart(full, n));
            buffer = spare != null ? spare : new byte[full.length];
            spare = full;
        }

        private void sendPart(byte[] part, int n) {
            write.part(part, n);
            progress.accept(n);
            if (journal != TransferJournal.NONE && !write.id().isEmpty()) {
                journal.progress(new Checkpoint(destination.url(), source.ref().url(), source.version(), write.id(),
                        partBytes, write.committedBytes()));
                journaled = true;
            }
        }

        private void check(long total, Checksums computed) {
            if (total != source.size()) {
                throw verdict(truncated(total));
            }
            if (source.checksums().contradicts(computed)) {
                throw verdict(new StorageException(ErrorKind.CHECKSUM, "SourceChecksumMismatch", -1, source.ref()
                        + " sent bytes whose checksums " + computed + " contradict its own " + source.checksums()
                        + "; nothing was written to " + destination, null));
            }
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(computed.sha256())) {
                throw verdict(new StorageException(ErrorKind.CHECKSUM, "ChecksumMismatch", -1, source.ref()
                        + " has SHA-256 " + computed.sha256() + ", not the published " + expectedSha256
                        + "; nothing was written to " + destination, null));
            }
        }

        private StorageException truncated(long total) {
            return new StorageException(ErrorKind.TRANSIENT, "SourceTruncated", -1, source.ref() + " ended after "
                    + total + " of its " + source.size() + " bytes", null);
        }

        private StorageException verdict(StorageException e) {
            sender.drain();
            giveUp(e);
            return e;
        }

        private void giveUp(Throwable cause) {
            write.abort();
            finished = true;
            if (journaled) {
                forget(cause);
            }
        }

        /** Tells the journal the write is over; if it cannot hear it, its checkpoint will resume nothing. */
        private void forget(Throwable cause) {
            try {
                journal.done(destination);
            } catch (RuntimeException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    LOGGER.warn("The journal kept the checkpoint of a finished write; resuming it will start over "
                            + "destination={} error={}", destination, e.toString());
                }
            }
        }
    }

    /** Reads until {@code length} bytes are in the buffer or the stream ends; the count read. */
    private int fill(InputStream in, int length) {
        try {
            return in.readNBytes(buffer, 0, length);
        } catch (IOException e) {
            throw new StorageException(ErrorKind.TRANSIENT, e.getClass().getSimpleName(), -1, "reading "
                    + source.ref() + ": " + e.getMessage(), e);
        }
    }
}
