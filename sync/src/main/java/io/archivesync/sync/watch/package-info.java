/**
 * {@code sync --watch}: run after run until stopped. Between runs it waits for a change on a local side
 * ({@link io.archivesync.sync.watch.TreeWatcher}, a recursive {@link java.nio.file.WatchService}, bursts coalesced)
 * or for the interval, after which cloud sides are listed again ({@link io.archivesync.sync.watch.Wakeup}); each run
 * is a normal run with the same safety rules ({@link io.archivesync.sync.watch.WatchLoop}).
 */
package io.archivesync.sync.watch;
