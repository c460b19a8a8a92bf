package io.archivesync.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka Streams topology's settings.
 *
 * @param applicationId  the Streams application id: consumer group and prefix of internal topics
 * @param dedupHorizon   how long a request is remembered, so that a repeat within it is dropped
 * @param batch          when a batch closes
 * @param stateDir       where state stores live; blank means a temporary directory
 * @param threads        stream threads per instance
 * @param commitInterval      how often a transaction commits (exactly-once latency versus throughput)
 * @param allowedDestinations destinations requests may write to, as {@code bucket} or {@code bucket/prefix};
 *                            empty allows any. A request outside them is dead-lettered.
 * @param aggregateWindow     the tumbling window of the efficiency aggregates
 * @param statusPort          port of the status HTTP endpoint; -1 disables it, 0 picks a free one
 * @param statusHost          the host name other instances reach this one's status endpoint at
 * @param sessionTimeout      how long the group waits for a silent instance before its tasks move (Kafka's own
 *                            default is 45 s); heartbeats go at a third of it
 * @param prices              the price table the efficiency aggregates estimate cost savings with
 * @param dashboard           the live dashboard served next to the status endpoint
 */
public record ProcessorSettings(
        String applicationId,
        Duration dedupHorizon,
        BatchSettings batch,
        String stateDir,
        int threads,
        Duration commitInterval,
        List<String> allowedDestinations,
        Duration aggregateWindow,
        int statusPort,
        String statusHost,
        Duration sessionTimeout,
        PriceSettings prices,
        DashboardSettings dashboard) {

    public ProcessorSettings {
        applicationId = Check.notBlank("processor.applicationId", applicationId);
        Check.positive("processor.dedupHorizon", dedupHorizon);
        if (batch == null) {
            throw new ConfigException("processor.batch", "must be set");
        }
        stateDir = stateDir == null || stateDir.isBlank() ? null : stateDir.strip();
        Check.positive("processor.threads", threads);
        Check.positive("processor.commitInterval", commitInterval);
        allowedDestinations = Check.listOrEmpty(allowedDestinations);
        for (String d : allowedDestinations) {
            if (d.isBlank() || d.startsWith("/") || d.contains("..")) {
                throw new ConfigException("processor.allowedDestinations",
                        "'" + d + "' must be bucket or bucket/prefix, relative and without '..'");
            }
            Check.bucketName("processor.allowedDestinations", d.split("/", 2)[0]);
        }
        Check.positive("processor.aggregateWindow", aggregateWindow);
        if (statusPort < -1 || statusPort > 65_535) {
            throw new ConfigException("processor.statusPort", "must be -1 (off), 0 (any free port) or a port, was "
                    + statusPort);
        }
        statusHost = Check.notBlank("processor.statusHost", statusHost);
        Check.positive("processor.sessionTimeout", sessionTimeout);
        if (prices == null) {
            throw new ConfigException("processor.prices", "must be set");
        }
        if (dashboard == null) {
            throw new ConfigException("processor.dashboard", "must be set");
        }
    }

    /**
     * When a batch closes: whichever of the limits is reached first.
     *
     * @param maxRequests     requests per batch
     * @param maxBytes        total expected bytes per batch (requests of unknown size count 0)
     * @param maxWait         the longest a request waits in an open batch (wall clock)
     * @param maxEncodedBytes the largest a batch may be as a Kafka record value: kept under the producer's
     *                        {@code max.request.size} (1 MiB by default) with room for the key, headers and record
     *                        framing, so that no batch can be too large to send; a request that cannot fit in a
     *                        batch of its own is dead-lettered
     * @param quietClose      how long the task may go without a request to batch before its open batches close
     *                        at once, so the end of a job (or a lull) does not wait out {@code maxWait}; {@code 0s}
     *                        turns it off. Under steady input it never fires and {@code maxWait} stays the bound.
     */
    public record BatchSettings(int maxRequests, long maxBytes, Duration maxWait, long maxEncodedBytes,
                                Duration quietClose) {

        /** The smallest {@code maxEncodedBytes}: a batch must hold any request the contract allows. */
        public static final long MIN_ENCODED_BYTES = 64 * 1024;
        /** Room kept between {@code maxEncodedBytes} and the producer's {@code max.request.size}. */
        public static final long RECORD_MARGIN_BYTES = 16 * 1024;

        public BatchSettings {
            Check.positive("processor.batch.maxRequests", maxRequests);
            Check.positive("processor.batch.maxBytes", maxBytes);
            Check.positive("processor.batch.maxWait", maxWait);
            if (maxEncodedBytes < MIN_ENCODED_BYTES) {
                throw new ConfigException("processor.batch.maxEncodedBytes", "must be at least " + MIN_ENCODED_BYTES
                        + " (a batch must hold the largest request the contract allows), was " + maxEncodedBytes);
            }
            Check.offOrPositive("processor.batch.quietClose", quietClose);
        }

        /**
         * Rejects a {@code maxEncodedBytes} that the processor's producer could not send: its effective
         * {@code max.request.size} is {@code producer.max.request.size} or {@code max.request.size} from
         * {@code kafka.properties} (the Streams precedence), else Kafka's default.
         */
        public void requireFits(Map<String, String> kafkaProperties) {
            String prefixed = "producer." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
            String origin = kafkaProperties.containsKey(prefixed) ? "kafka.properties." + prefixed
                    : kafkaProperties.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)
                    ? "kafka.properties." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG : null;
            long maxRequestSize;
            if (origin == null) {
                maxRequestSize = ((Number) ProducerConfig.configDef().defaultValues()
                        .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).longValue();
                origin = "Kafka's default " + ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
            } else {
                String value = kafkaProperties.get(origin.substring("kafka.properties.".length()));
                try {
                    maxRequestSize = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    throw new ConfigException(origin, "must be a number of bytes, was '" + value + "'");
                }
            }
            if (maxEncodedBytes + RECORD_MARGIN_BYTES > maxRequestSize) {
                throw new ConfigException("processor.batch.maxEncodedBytes", "is " + maxEncodedBytes + " but the"
                        + " processor's producer sends records of at most " + maxRequestSize + " bytes (" + origin
                        + "); keep it at least " + RECORD_MARGIN_BYTES + " bytes below");
            }
        }
    }
}
