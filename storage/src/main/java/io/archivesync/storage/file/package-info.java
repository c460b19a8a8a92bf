/**
 * The local file system as a {@link io.archivesync.storage.BlobStore}: {@code file:///absolute/path} locations, keys
 * being absolute paths without their leading slash; or one directory of it, which {@code file:///} then stands for
 * (a file location's container is always empty, so a directory can only be chosen by the store).
 *
 * <p>What files can and cannot do, compared with the object stores:
 * <ul>
 *   <li>Writes are atomic: parts go to a temporary file next to the target ({@code .<name>.archive-sync-<uuid>.tmp}),
 *       renamed over the real name on completion, so a reader never sees half an object and a crash leaves only a
 *       temporary file, which listings skip. That file is the write's id: a write can be resumed from it
       ({@code BlobStore.resume}), from its length, since every part is synced before it is acknowledged.</li>
 *   <li>Versions are {@code size-mtimeNanos-inode}: every completed write is a new inode, so a replacement of the same
 *       size and modification time is still a new version. Preconditions are checked just before the rename, under a
 *       lock per path within this process; another process can still slip a change in between (files have no
 *       compare-and-swap), except for "must be absent", which is a hard link and so atomic.</li>
 *   <li>Files keep no user metadata and no content type (no sidecar files, no extended attributes): both come back
 *       empty. The modification time is kept ({@code WriteOptions.modified}).</li>
 *   <li>Symbolic links and special files (FIFOs, sockets, devices) are not objects: listings skip them and count them
 *       ({@link io.archivesync.storage.file.FileListing#skipped}); reading or heading one is refused as INVALID.
 *       Symbolic links among the parent directories of a key are followed, as the operating system does.</li>
 * </ul>
 */
package io.archivesync.storage.file;
