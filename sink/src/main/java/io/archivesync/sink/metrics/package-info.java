/**
 * The copier's meters: each committed result counted once ({@link CopyMetrics}), and gauges of what is in flight
 * ({@link CopierGauges}). Names and labels are listed in docs/observability.md.
 */
package io.archivesync.sink.metrics;
