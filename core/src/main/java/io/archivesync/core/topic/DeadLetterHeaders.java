package io.archivesync.core.topic;

/** Header names on dead-letter records: why the record was refused and where it came from. */
public final class DeadLetterHeaders {

    public static final String REASON = "archive-sync.dlq.reason";
    public static final String KIND = "archive-sync.dlq.kind";
    public static final String SOURCE_TOPIC = "archive-sync.dlq.topic";
    public static final String SOURCE_PARTITION = "archive-sync.dlq.partition";
    public static final String SOURCE_OFFSET = "archive-sync.dlq.offset";

    private DeadLetterHeaders() {
    }
}
