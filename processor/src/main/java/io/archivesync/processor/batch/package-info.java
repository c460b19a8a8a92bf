/** Grouping requests into copy batches per route and destination bucket. */
package io.archivesync.processor.batch;
