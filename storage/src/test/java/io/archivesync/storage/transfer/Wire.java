package io.archivesync.storage.transfer;

import io.archivesync.storage.BlobStore;
import java.util.function.IntSupplier;

/**
 * A destination store whose HTTP requests are counted as they leave the client (an SDK interceptor, a pipeline
 * policy, a connection factory), below the store's own code: what the wire carries, to hold
 * {@link StreamTransfer.Streamed#requests} to.
 *
 * @param store    the store, on the same server as the test's
 * @param requests the requests it has sent so far
 */
public record Wire(BlobStore store, IntSupplier requests) {
}
