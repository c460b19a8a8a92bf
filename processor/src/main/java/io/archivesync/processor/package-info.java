/**
 * The processor: a Kafka Streams application that validates, deduplicates and batches file-to-sync requests for the
 * copiers.
 */
package io.archivesync.processor;
