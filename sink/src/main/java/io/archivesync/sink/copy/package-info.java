/** The ways an object gets across: one {@link io.archivesync.sink.copy.Copier} per strategy. */
package io.archivesync.sink.copy;
