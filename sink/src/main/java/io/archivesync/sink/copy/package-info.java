/**
 * The ways an object gets across: one {@link io.archivesync.sink.copy.Copier} per strategy (server-side, streaming),
 * decorators for what applies to all of them (skipping current objects, verifying checksums, retrying, injecting
 * faults in tests), and {@link io.archivesync.sink.copy.CopierFactory}, the one place they are composed. See
 * docs/copy-modes.md for the decision table.
 */
package io.archivesync.sink.copy;
