package io.archivesync.storage.azure;

/** The service's limits for block blobs (API version 2019-12-12 and later), declared once. */
final class Limits {

    /** Put Block and Put Block From URL: 4000 MiB a block. */
    static final long MAX_BLOCK_BYTES = 4000L * 1024 * 1024;
    /** Blocks in one committed blob. */
    static final int MAX_BLOCKS = 50_000;
    /** Copy Blob From URL copies synchronously up to 256 MiB; larger sources take Copy Blob (asynchronous). */
    static final long MAX_SYNC_COPY_BYTES = 256L * 1024 * 1024;

    private Limits() {
    }
}
