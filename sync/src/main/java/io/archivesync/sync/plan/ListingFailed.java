package io.archivesync.sync.plan;

import io.archivesync.sync.Side;
import io.archivesync.sync.SyncEndpoint;

/** A listing that failed or came out of order: the plan stops before any action, and no deletion is inferred. */
public final class ListingFailed extends RuntimeException {

    private final Side side;

    ListingFailed(Side side, SyncEndpoint endpoint, Throwable cause) {
        super("listing " + side + " (" + endpoint.location() + ") failed: " + cause.getMessage()
                + "; nothing was changed, and nothing is taken for deleted", cause);
        this.side = side;
    }

    public Side side() {
        return side;
    }
}
