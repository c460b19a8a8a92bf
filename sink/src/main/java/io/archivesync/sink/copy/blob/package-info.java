/**
 * The copier for every pair of locations beyond S3 to S3: GCS, Azure Blob, local files and HTTPS sources, on the
 * storage module's {@link io.archivesync.storage.BlobStore}. Server-side where the pair allows
 * ({@link io.archivesync.storage.transfer.Transfers}), streamed and hashed otherwise
 * ({@link io.archivesync.storage.transfer.StreamTransfer}); see docs/copy-modes.md for the matrix.
 */
package io.archivesync.sink.copy.blob;
