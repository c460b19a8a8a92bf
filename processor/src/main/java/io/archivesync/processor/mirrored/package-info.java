/** Answering a request from the table of latest results when its source version is already mirrored. */
package io.archivesync.processor.mirrored;
