package io.archivesync.bridge.event;

import java.util.List;

/** What one SQS message carries: S3's test event, sent when notifications are configured, or event records. */
public sealed interface S3Notification {

    /** {@code s3:TestEvent}: proves the wiring, mirrors nothing. */
    record TestEvent(String bucket) implements S3Notification {
    }

    /** One or more event records. */
    record Records(List<S3EventRecord> records) implements S3Notification {

        public Records {
            records = List.copyOf(records);
        }
    }
}
