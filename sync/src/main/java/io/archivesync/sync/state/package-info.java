/**
 * Where a pair's state lives between runs: the base record of each path, the open conflicts and the last run, each on
 * a compacted topic ({@link io.archivesync.sync.state.KafkaSyncState}), or in memory for tests
 * ({@link io.archivesync.sync.state.MemorySyncState}). Values are small JSON documents ({@link
 * io.archivesync.sync.state.StateJson}).
 */
package io.archivesync.sync.state;
