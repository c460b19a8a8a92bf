/** The processor's Kafka Streams topology, built by one pure function. */
package io.archivesync.processor.topology;
