/**
 * Benchmark programs. Each measures archive-sync and a reference (a plain SDK loop, a peer tool, the broker's own
 * rate) in the same run on the same machine, and prints both with their ratio; results go to docs/benchmarks.md.
 */
package io.archivesync.benchmarks;
