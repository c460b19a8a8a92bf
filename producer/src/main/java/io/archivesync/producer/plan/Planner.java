package io.archivesync.producer.plan;

import java.util.function.Consumer;

/**
 * Decides which objects to request, handing each on as soon as it is known, so that memory stays flat however many
 * objects there are: nothing is collected, and a slow consumer (a Kafka producer whose buffer is full) simply slows
 * the plan down.
 */
public interface Planner {

    /** Calls {@code sink} once per planned object, in key order within each prefix. Returns how many it planned. */
    long plan(Consumer<PlannedObject> sink);
}
