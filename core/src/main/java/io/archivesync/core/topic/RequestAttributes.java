package io.archivesync.core.topic;

/**
 * Request attributes that archive-sync itself reads. Every other attribute is carried along and never interpreted.
 */
public final class RequestAttributes {

    /** What to do with the destination; absent means copy. */
    public static final String ACTION = "archive-sync.action";

    /** {@link #ACTION} value: remove the destination object, because its source was removed. */
    public static final String ACTION_DELETE = "delete";

    private RequestAttributes() {
    }
}
