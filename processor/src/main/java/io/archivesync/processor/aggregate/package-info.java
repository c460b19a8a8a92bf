/** Efficiency aggregates from results: per market, data type and method, windowed and running. */
package io.archivesync.processor.aggregate;
