/**
 * Carrying out a plan: every write and delete conditional on what the plan saw ({@link
 * io.archivesync.sync.run.Copies}), a path changed since left for the next run, never overwritten; the base of each
 * path written as soon as its action is done ({@link io.archivesync.sync.run.PlanExecutor}), so a run that stops
 * part-way leaves every base consistent; and the run as a whole ({@link io.archivesync.sync.run.SyncRun}).
 */
package io.archivesync.sync.run;
