/**
 * Where a pair's state lives between runs: the base record of each path, the open conflicts and the last run, each on
 * a compacted topic ({@link io.archivesync.sync.state.KafkaSyncState}), or in memory for tests
 * ({@link io.archivesync.sync.state.MemorySyncState}). Values are small JSON documents ({@link
 * io.archivesync.sync.state.StateJson}). With a state directory, the bases are also materialized in a local RocksDB
 * ({@link io.archivesync.sync.state.LocalBases}, brought to the topic's end by {@link
 * io.archivesync.sync.state.BaseCatchUp}) and walked in path order from disk ({@link
 * io.archivesync.sync.state.BaseCursor}), so a run's memory does not grow with the pair's paths.
 */
package io.archivesync.sync.state;
