/**
 * Which failures are a record's own fault and which are the infrastructure's (registry, broker), and how Streams
 * reacts to each: a record's fault is dead-lettered or skipped with a log line, an infrastructure fault never is;
 * it fails the task so that exactly-once replays from the last commit, after a backoff.
 */
package io.archivesync.processor.errors;
