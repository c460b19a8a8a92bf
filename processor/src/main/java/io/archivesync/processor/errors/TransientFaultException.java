package io.archivesync.processor.errors;

import org.apache.kafka.common.errors.RetriableException;

/**
 * An infrastructure fault that outlasted the in-place retries. Thrown from a processor so that the task fails
 * without dead-lettering the record: exactly-once aborts the transaction and the replaced thread reads the record
 * again from the last commit.
 */
public class TransientFaultException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public TransientFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
