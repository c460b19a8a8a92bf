package io.archivesync.bridge.event;

/**
 * A message that is not an S3 event notification the bridge can read. The bridge leaves such a message on the queue,
 * so that after {@code maxReceiveCount} receives the queue's redrive policy moves it to its dead-letter queue, where
 * an operator finds the original body.
 */
public final class MalformedNotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedNotificationException(String reason) {
        super(reason);
    }

    public MalformedNotificationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
