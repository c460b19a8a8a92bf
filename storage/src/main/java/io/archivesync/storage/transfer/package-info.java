/**
 * Moving one object between two {@link io.archivesync.storage.BlobStore}s: server-side when the pair allows
 * ({@link io.archivesync.storage.transfer.Transfers}), streamed through this process otherwise
 * ({@link io.archivesync.storage.transfer.StreamTransfer}), hashed on the way and checked before it becomes visible.
 * A streamed transfer records its progress in a {@link io.archivesync.storage.transfer.TransferJournal} (one
 * {@link io.archivesync.storage.transfer.Checkpoint} per destination) and resumes from it after a crash; the journal
 * that outlives the process is the copier's, not this package's.
 */
package io.archivesync.storage.transfer;
