/**
 * Bidirectional sync of two locations ({@code archive-sync sync A B}): the pair and its sides, what is known of a path
 * on each side ({@link io.archivesync.sync.PathState}), the base record of the last sync
 * ({@link io.archivesync.sync.BaseRecord}), the conflict strategies and the actions a plan is made of. The plan is
 * made in {@code plan}, carried out in {@code run}, and the state kept in {@code state}; docs/sync.md has the decision
 * table.
 */
package io.archivesync.sync;
