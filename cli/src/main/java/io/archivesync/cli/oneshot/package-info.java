/**
 * One command, no cluster needed: {@code copy} and {@code mirror} plan a job, publish its requests, follow their
 * results to the end and print a summary. Without {@code --bootstrap-servers} they run the processor and the copier
 * in this JVM on an embedded broker whose state persists in a state directory, so a second run is answered from it.
 * Afterwards {@code status}, {@code retry} and {@code history} read that state (or the cluster's topics): where a job
 * or a prefix stands, a new request for every failed object, every result one object has had.
 */
package io.archivesync.cli.oneshot;
