package io.archivesync.core.topic;

/**
 * Request attributes that archive-sync itself reads. Every other attribute is carried along and never interpreted.
 */
public final class RequestAttributes {

    /** What to do with the destination; absent means copy. */
    public static final String ACTION = "archive-sync.action";

    /** {@link #ACTION} value: remove the destination object, because its source was removed. */
    public static final String ACTION_DELETE = "delete";

    /**
     * The S3 event's {@code sequencer} (hex; orders the events of one key), set by the SQS bridge. It is what tells
     * one event from another: a delete carries no source version, so the processor's dedup tells a new delete of a
     * key from a redelivered one by it.
     */
    public static final String SOURCE_SEQUENCER = "s3.sequencer";

    /**
     * The one-shot job ({@code archive-sync copy}, {@code mirror}) a request belongs to, so that its results can be
     * told from everyone else's.
     */
    public static final String JOB = "archive-sync.job";

    private RequestAttributes() {
    }
}
