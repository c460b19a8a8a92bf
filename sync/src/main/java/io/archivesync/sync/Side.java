package io.archivesync.sync;

/** One of the two sides of a pair: A is the first location given, B the second. */
public enum Side {
    A, B;

    public Side other() {
        return this == A ? B : A;
    }
}
