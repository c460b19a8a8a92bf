package io.archivesync.sync.run;

/** How carrying out one path's decision ended. */
public enum Outcome {
    /** Done, and its base written. */
    DONE,
    /** Parked as a conflict ({@code manual}). */
    PARKED,
    /** A side changed after the plan: refused by its precondition, nothing overwritten; re-planned next run. */
    CHANGED_SINCE_PLAN,
    /** Failed (a store error); its base is as it was, and the next run takes it up again. */
    FAILED
}
