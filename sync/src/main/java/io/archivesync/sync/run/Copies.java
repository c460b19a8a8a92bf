package io.archivesync.sync.run;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.WriteOptions;
import io.archivesync.storage.transfer.StreamTransfer;
import io.archivesync.storage.transfer.Transfers;
import io.archivesync.sync.PathState;
import io.archivesync.sync.SyncEndpoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One conditional copy of a path's content from one side (pinned to the version planned) to a path of a side
 * (absent, or at the version planned): server-side where the pair allows it (the same store: a rename's copy), else
 * streamed and hashed on the way.
 */
final class Copies {

    /**
     * What was written.
     *
     * @param written the destination's state
     * @param content the content's checksums, as computed or as the store reported them
     */
    record Copied(PathState written, Checksums content) {
    }

    private final int partBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong serverSide = new AtomicLong();

    Copies(int partBytes) {
        this.partBytes = partBytes;
    }

    /**
     * @param source      the state of {@code fromPath} on {@code from} as planned (its version pins the read)
     * @param destination the state of {@code toPath} on {@code to} as planned, or null when it must be absent
     */
    Copied copy(SyncEndpoint from, String fromPath, PathState source, SyncEndpoint to, String toPath,
                PathState destination) {
        Precondition condition = destination == null ? Precondition.mustBeAbsent()
                : Precondition.ifVersion(destination.version());
        WriteOptions options = new WriteOptions(null, Map.of(), null, source.size(), null, source.modified(),
                condition);
        BlobInfo sourceInfo = new BlobInfo(from.ref(fromPath), source.size(), source.version(), Checksums.NONE, null,
                Map.of(), source.modified(), null);
        Optional<Transfers.ServerSide> server = Transfers.serverSide(from.store(), from.ref(fromPath), to.store(),
                to.ref(toPath), options);
        if (server.isPresent()) {
            BlobInfo written;
            try {
                written = server.get().copy().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            serverSide.incrementAndGet();
            return new Copied(PathState.of(written), written.checksums());
        }
        StreamTransfer.Streamed streamed = StreamTransfer.stream(from.store(), sourceInfo, to.store(),
                to.ref(toPath), options, null, partBytes, bytes::addAndGet);
        return new Copied(PathState.of(streamed.written()).withContent(streamed.computed()), streamed.computed());
    }

    long bytes() {
        return bytes.get();
    }

    long serverSide() {
        return serverSide.get();
    }
}
