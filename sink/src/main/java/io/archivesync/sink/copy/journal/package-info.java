/**
 * Where the copier keeps the progress of streamed writes across restarts: a
 * {@link io.archivesync.storage.transfer.TransferJournal} on the compacted {@code transfers} topic, keyed by the
 * destination URL, and the start-up sweep that gives up writes nobody resumed. A copier that dies 40 GiB into a
 * 50 GiB upload then goes on from the last part when the object is copied again, by itself or by another copier.
 */
package io.archivesync.sink.copy.journal;
