/** Dropping repeated requests within a horizon, keyed by destination and source version. */
package io.archivesync.processor.dedup;
