/** The producer: enumerates an archive and emits one file-to-sync request per object. */
package io.archivesync.producer;
