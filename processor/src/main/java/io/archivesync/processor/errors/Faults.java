package io.archivesync.processor.errors;

import io.archivesync.schemas.registry.SchemaRegistryException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells an infrastructure fault from a record's own fault, by the cause chain.
 *
 * <p>Why the chain: our serde throws {@link SchemaRegistryException} unwrapped, but Confluent's serde (which
 * {@code kafka.valueSerde} may name) wraps its registry client's I/O failure in a {@code SerializationException},
 * and Streams wraps everything again. Only network-level I/O counts: an {@code EOFException} from a truncated
 * payload is bad bytes, not an outage.
 */
public final class Faults {

    private static final int MAX_DEPTH = 16;

    private Faults() {
    }

    /** True when trying the same record again later may succeed: the fault is the registry's or the broker's. */
    public static boolean isInfrastructure(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SchemaRegistryException e) {
                return !blamesTheRecord(e);
            }
            if (t instanceof RetriableException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The registry answered, and the answer condemns the record: no schema has its id, or that schema is unusable. */
    private static boolean blamesTheRecord(SchemaRegistryException e) {
        return e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND || e.status() >= 200 && e.status() < 300;
    }
}
