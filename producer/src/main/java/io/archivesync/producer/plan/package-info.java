/**
 * Planning strategies of the enumerator behind one {@link io.archivesync.producer.plan.Planner} interface:
 * {@link io.archivesync.producer.plan.KeyPlanner} builds keys ({@code generate}),
 * {@link io.archivesync.producer.plan.ListingPlanner} lists them ({@code list}); both walk the same folders and stream
 * what they find, so a plan of millions of objects runs in constant memory.
 */
package io.archivesync.producer.plan;
