package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.WriteOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The copy matrix: whether a pair of stores can copy an object without its bytes passing through us, and how.
 * <ul>
 *   <li>the same store (S3→S3 on one endpoint, GCS→GCS, Azure→Azure in one account, file→file): its own copy
 *       (CopyObject / UploadPartCopy, rewrite with its tokens, Copy Blob, a file copy and rename);</li>
 *   <li>a destination that fetches from a URL (Azure's Put Block From URL) and a source that can give one (a
 *       presigned S3 URL, an Azure SAS, an HTTPS object's own URL): the destination reads the source itself;</li>
 *   <li>every other pair: nothing here, and the caller streams ({@link StreamTransfer}).</li>
 * </ul>
 */
public final class Transfers {

    /** How long a URL handed to the destination's service stays valid: longer than any copy runs. */
    static final Duration SOURCE_URL_VALIDITY = Duration.ofHours(12);

    private Transfers() {
    }

    /** A server-side copy under way, and why that way. */
    public record ServerSide(CompletableFuture<BlobInfo> copy, String reason) {
    }

    /**
     * Starts a server-side copy of {@code source} (in {@code from}) to {@code destination} (in {@code to}) when the
     * pair allows one; empty when it does not, and the caller streams.
     */
    public static Optional<ServerSide> serverSide(BlobStore from, BlobRef source, BlobStore to, BlobRef destination,
                                                 WriteOptions options) {
        if (!to.capabilities().writable()) {
            return Optional.empty();
        }
        if (from == to && to.capabilities().serverSideCopy()) {
            return to.copy(source, null, destination, options)
                    .map(copy -> new ServerSide(copy, "server-side: both in one " + to.scheme() + " store"));
        }
        if (to.capabilities().copyFromUrl()) {
            Optional<String> url = from.readUrl(source, SOURCE_URL_VALIDITY);
            if (url.isPresent()) {
                return to.copy(source, url.get(), destination, options)
                        .map(copy -> new ServerSide(copy, "server-side: " + to.scheme() + " fetches the "
                                + from.scheme() + " source from a signed URL"));
            }
        }
        return Optional.empty();
    }

    /** Why a pair streams; said in results so that a user sees why bytes went through the copier. */
    public static String whyStreamed(BlobStore from, BlobStore to) {
        if (from == to) {
            return "streamed: this " + to.scheme() + " store has no server-side copy";
        }
        if (to.capabilities().copyFromUrl()) {
            return "streamed: the " + from.scheme() + " source cannot give a URL " + to.scheme() + " could fetch";
        }
        return "streamed: " + from.scheme() + " → " + to.scheme() + " has no server-side copy between them";
    }
}
