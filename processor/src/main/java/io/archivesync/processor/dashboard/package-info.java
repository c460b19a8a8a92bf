/**
 * The live dashboard: one consumer thread reads results, efficiency aggregates and dead letters from their ends into
 * a bounded in-memory view, and pushes it to open pages as Server-Sent Events ({@code GET /events}); the page itself
 * ({@code GET /dashboard}) is static HTML, CSS and JavaScript from the jar.
 */
package io.archivesync.processor.dashboard;
