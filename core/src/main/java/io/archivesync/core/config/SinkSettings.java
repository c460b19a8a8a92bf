package io.archivesync.core.config;

import io.archivesync.avro.OperationMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The copier's settings. Every default lives in {@code archive-sync-defaults.yml}, the one place they are declared;
 * the constructors only validate, so a setting left out (or set to null) is refused naming it rather than silently
 * given a second default here.
 *
 * @param groupId               consumer group of the copier instances
 * @param transactionalIdPrefix each instance's transactional id starts with it
 * @param concurrency           copies in flight per instance (the adaptive limit never goes above it)
 * @param copyTimeout           the longest one object's copy may take before it is failed
 * @param pollTimeout           how long one poll for batches waits
 * @param routes                which batch topics this copier pool serves: SERVER_SIDE, STREAMING or both, so each
 *                              pool can be scaled by its own bottleneck
 * @param mode                  the default operation mode; a request's own mode wins (see docs/copy-modes.md)
 * @param sourceEndpoint        the S3 endpoint sources are read from when it is not the destination's
 *                              ({@code s3.endpoint}); blank means the same. Different endpoints cannot copy
 *                              server-side, so AUTO and HYBRID stream and DIRECT fails.
 * @param storageClass          the destination's storage class (STANDARD, INTELLIGENT_TIERING, ...); blank keeps the
 *                              bucket's default
 * @param skip                  when a destination object counts as current and is not copied again
 * @param listingTtl            how long a listing of a destination "directory" answers the skip check instead of one
 *                              HEAD per object; 0 turns listings off
 * @param sessionTimeout        how long the group waits for a silent copier (killed, frozen) before its partitions
 *                              go to another; heartbeats are a third of it. Shorter fails over faster, but a long GC
 *                              pause then costs a rebalance
 * @param allowedSources        source URI prefixes requests may copy from ({@code https://host/path/},
 *                              {@code s3://bucket/prefix}); empty allows any source. Anyone who can publish a request
 *                              chooses what the copier fetches, so this is the copier's own guard, as
 *                              {@code processor.allowedDestinations} is for what it writes
 * @param allowPrivateSources   whether HTTP(S) sources may resolve to loopback, link-local (cloud metadata), private
 *                              or other non-public addresses; false except for local test stacks
 * @param serverSide            server-side copy tuning
 * @param streaming             streaming copy tuning
 * @param metadata              content type and user metadata: preserved, or replaced
 * @param verify                SHA-256 verification against published checksums
 * @param retry                 retries of transient storage failures
 * @param statusHost            the address the copier's {@code /metrics} and {@code /health} endpoint binds
 * @param statusPort            that endpoint's port; -1 turns it off, 0 picks a free one
 * @param rateLimit             caps on storage requests per second and streamed bytes per second, and the backoff of
 *                              a prefix the storage throttles; all per copier instance
 */
public record SinkSettings(
        String groupId,
        String transactionalIdPrefix,
        int concurrency,
        Duration copyTimeout,
        Duration pollTimeout,
        List<String> routes,
        OperationMode mode,
        String sourceEndpoint,
        String storageClass,
        SkipCriterion skip,
        Duration listingTtl,
        Duration sessionTimeout,
        List<String> allowedSources,
        boolean allowPrivateSources,
        ServerSide serverSide,
        Streaming streaming,
        Metadata metadata,
        Verify verify,
        Retry retry,
        String statusHost,
        int statusPort,
        RateLimitSettings rateLimit) {

    private static final Set<String> ROUTES = Set.of("SERVER_SIDE", "STREAMING");
    private static final Set<String> SOURCE_SCHEMES = Set.of("http", "https", "s3");
    /** S3's smallest part (except the last) and its largest single copy. */
    private static final long MIN_PART = 5L << 20;
    private static final long MAX_SINGLE_COPY = 5L << 30;

    public SinkSettings {
        groupId = Check.notBlank("sink.groupId", groupId);
        transactionalIdPrefix = Check.notBlank("sink.transactionalIdPrefix", transactionalIdPrefix);
        Check.positive("sink.concurrency", concurrency);
        Check.positive("sink.copyTimeout", copyTimeout);
        Check.positive("sink.pollTimeout", pollTimeout);
        routes = List.copyOf(present("sink.routes", routes));
        if (routes.isEmpty()) {
            throw new ConfigException("sink.routes", "must name at least one of " + ROUTES);
        }
        for (String route : routes) {
            if (!ROUTES.contains(route)) {
                throw new ConfigException("sink.routes", "unknown route '" + route + "' (known: " + ROUTES + ")");
            }
        }
        mode = present("sink.mode", mode);
        sourceEndpoint = blankToNull(sourceEndpoint);
        if (sourceEndpoint != null && !sourceEndpoint.matches("https?://.+")) {
            throw new ConfigException("sink.sourceEndpoint", "'" + sourceEndpoint + "' must be an http(s):// URL");
        }
        storageClass = blankToNull(storageClass);
        skip = present("sink.skip", skip);
        listingTtl = present("sink.listingTtl", listingTtl);
        if (listingTtl.isNegative()) {
            throw new ConfigException("sink.listingTtl", "must be 0 (off) or a positive duration, was " + listingTtl);
        }
        Check.positive("sink.sessionTimeout", sessionTimeout);
        allowedSources = present("sink.allowedSources", allowedSources).stream().map(String::strip).toList();
        allowedSources.forEach(SinkSettings::checkSourcePrefix);
        serverSide = present("sink.serverSide", serverSide);
        streaming = present("sink.streaming", streaming);
        metadata = present("sink.metadata", metadata);
        verify = present("sink.verify", verify);
        retry = present("sink.retry", retry);
        statusHost = Check.notBlank("sink.statusHost", statusHost);
        Check.statusPort("sink.statusPort", statusPort);
        rateLimit = present("sink.rateLimit", rateLimit);
    }

    /** The same settings with another listing TTL (benchmarks compare listings against one HEAD per object). */
    public SinkSettings withListingTtl(Duration ttl) {
        return new SinkSettings(groupId, transactionalIdPrefix, concurrency, copyTimeout, pollTimeout, routes, mode,
                sourceEndpoint, storageClass, skip, ttl, sessionTimeout, allowedSources, allowPrivateSources,
                serverSide, streaming, metadata, verify, retry, statusHost, statusPort, rateLimit);
    }

    /** An allowed source is a URI prefix with a scheme the copier reads and a host or bucket. */
    private static void checkSourcePrefix(String entry) {
        try {
            URI uri = new URI(entry);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SOURCE_SCHEMES.contains(scheme) || uri.getHost() == null) {
                throw new ConfigException("sink.allowedSources", "'" + entry
                        + "' must be an http(s)://host/path or s3://bucket/prefix prefix");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("sink.allowedSources", "'" + entry + "' is not a URI: " + e.getMessage());
        }
    }

    /**
     * Refuses a missing setting, naming it: the defaults file declares every one, so null means a user's file or
     * override blanked it, not "use a default".
     */
    private static <T> T present(String setting, T value) {
        if (value == null) {
            throw new ConfigException(setting, "must be set (the defaults file declares it; was it blanked?)");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * @param multipartThreshold objects larger than this are copied with UploadPartCopy parts in parallel; above 5 GiB
     *                           a multipart copy is used whatever this says, since CopyObject cannot do it
     * @param partSize           bytes per UploadPartCopy part (5 MiB to 5 GiB)
     * @param partsInFlight      parts of one object copied at once
     */
    public record ServerSide(long multipartThreshold, long partSize, int partsInFlight) {
        public ServerSide {
            Check.positive("sink.serverSide.multipartThreshold", multipartThreshold);
            if (partSize < MIN_PART || partSize > MAX_SINGLE_COPY) {
                throw new ConfigException("sink.serverSide.partSize", "must be between 5 MiB and 5 GiB, was "
                        + partSize);
            }
            Check.positive("sink.serverSide.partsInFlight", partsInFlight);
        }

        /** Whether an object of this size needs a multipart copy. */
        public boolean multipart(long size) {
            return size > Math.min(multipartThreshold, MAX_SINGLE_COPY);
        }
    }

    /**
     * Memory for streaming is bounded by {@code partSize × (partsInFlight + 1) × concurrency}.
     *
     * @param partSize      bytes per uploaded part (at least 5 MiB); smaller objects go up in one PutObject
     * @param partsInFlight parts of one object uploading at once
     * @param concurrency   streaming copies at once per copier (each reads its source on its own thread)
     * @param abandonAfter  how long an unfinished streamed write (to a store other than S3 to S3) may go without a
     *                      new part before a starting copier gives it up and forgets its checkpoint; 0 keeps them
     */
    public record Streaming(long partSize, int partsInFlight, int concurrency, Duration abandonAfter) {
        public Streaming {
            if (partSize < MIN_PART || partSize > Integer.MAX_VALUE - 8) {
                throw new ConfigException("sink.streaming.partSize", "must be between 5 MiB and 2 GiB, was "
                        + partSize);
            }
            Check.positive("sink.streaming.partsInFlight", partsInFlight);
            Check.positive("sink.streaming.concurrency", concurrency);
            Check.offOrPositive("sink.streaming.abandonAfter", abandonAfter);
        }
    }

    /**
     * @param replace      false preserves the source's content type and user metadata; true replaces them with these
     * @param contentType  the content type written when replacing; blank leaves it to the storage
     * @param userMetadata the user metadata written when replacing
     */
    public record Metadata(boolean replace, String contentType, Map<String, String> userMetadata) {
        public Metadata {
            contentType = blankToNull(contentType);
            userMetadata = Map.copyOf(present("sink.metadata.userMetadata", userMetadata));
            if (!replace && (contentType != null || !userMetadata.isEmpty())) {
                throw new ConfigException("sink.metadata.replace",
                        "must be true when sink.metadata.contentType or sink.metadata.userMetadata is set");
            }
        }
    }

    /**
     * @param sha256           check archive objects against their published {@code .CHECKSUM} sidecar
     * @param quarantinePrefix a mismatching copy is moved under this prefix of the destination bucket; blank deletes it
     */
    public record Verify(boolean sha256, String quarantinePrefix) {
        public Verify {
            quarantinePrefix = blankToNull(quarantinePrefix);
            if (quarantinePrefix != null && (quarantinePrefix.startsWith("/") || quarantinePrefix.contains(".."))) {
                throw new ConfigException("sink.verify.quarantinePrefix", "'" + quarantinePrefix
                        + "' must be a relative prefix without '..'");
            }
        }
    }

    /**
     * @param maxAttempts    attempts per copy, the first included (1 disables retries)
     * @param initialBackoff wait before the second attempt; doubles each time, with full jitter
     * @param maxBackoff     the longest wait between attempts
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public Retry {
            Check.positive("sink.retry.maxAttempts", maxAttempts);
            Check.positive("sink.retry.initialBackoff", initialBackoff);
            Check.positive("sink.retry.maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new ConfigException("sink.retry.maxBackoff", "must not be shorter than sink.retry.initialBackoff");
            }
        }
    }
}
