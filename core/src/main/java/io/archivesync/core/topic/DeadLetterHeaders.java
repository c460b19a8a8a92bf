package io.archivesync.core.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Header names on dead-letter records: why the record was refused and where it came from. */
public final class DeadLetterHeaders {

    public static final String REASON = "archive-sync.dlq.reason";
    public static final String KIND = "archive-sync.dlq.kind";
    public static final String SOURCE_TOPIC = "archive-sync.dlq.topic";
    public static final String SOURCE_PARTITION = "archive-sync.dlq.partition";
    public static final String SOURCE_OFFSET = "archive-sync.dlq.offset";

    private DeadLetterHeaders() {
    }

    /**
     * Writes why a record was refused and where it came from, replacing any reason it already carried, so every
     * dead letter of ours reads the same whichever service wrote it.
     */
    public static Headers write(Headers headers, String kind, String reason, String topic, int partition,
                                long offset) {
        headers.remove(REASON).remove(KIND).remove(SOURCE_TOPIC).remove(SOURCE_PARTITION).remove(SOURCE_OFFSET);
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(KIND, kind.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_PARTITION, String.valueOf(partition).getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_OFFSET, String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
