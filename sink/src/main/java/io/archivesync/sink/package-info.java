/** The sink: the copier service that turns batches into copies and one result per object. */
package io.archivesync.sink;
