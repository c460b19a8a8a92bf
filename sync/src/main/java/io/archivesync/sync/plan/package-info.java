/**
 * Making a plan: both listings and the base merge-joined by path ({@link io.archivesync.sync.plan.MergedPaths}),
 * local content hashed only where a decision needs it ({@link io.archivesync.sync.plan.ContentProbe}), each path
 * decided ({@link io.archivesync.sync.plan.Decider}), renames paired ({@link io.archivesync.sync.plan.Renames}), and
 * deletions held to the limit ({@link io.archivesync.sync.plan.DeleteGuard}).
 */
package io.archivesync.sync.plan;
