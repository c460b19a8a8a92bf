/**
 * Moving one object between two {@link io.archivesync.storage.BlobStore}s: server-side when the pair allows
 * ({@link io.archivesync.storage.transfer.Transfers}), streamed through this process otherwise
 * ({@link io.archivesync.storage.transfer.StreamTransfer}), hashed on the way and checked before it becomes visible.
 */
package io.archivesync.storage.transfer;
