package io.archivesync.core.mode;

import io.archivesync.avro.OperationMode;
import io.archivesync.avro.Route;
import io.archivesync.core.s3.S3Location;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one reading of a request's operation mode, and the one rule for how an object can get across. The processor
 * routes batches by {@link #route} and the copier's router decides by {@link #plan}: the same facts (the mode, the
 * source's scheme, whether sources sit on another endpoint) give the same answer in both places.
 */
public final class CopyModes {

    /** The known modes, for messages. */
    public static final String KNOWN = Arrays.toString(OperationMode.values());

    private CopyModes() {
    }

    /**
     * The mode a request asks for, or {@code defaultMode} when it names none; empty when it names one that does not
     * exist (the processor dead-letters such a request).
     */
    public static Optional<OperationMode> parse(String requestMode, OperationMode defaultMode) {
        try {
            OperationMode own = requested(requestMode);
            return Optional.of(own != null ? own : defaultMode);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The mode a request names itself: null when it names none (the copier's {@code sink.mode} applies).
     *
     * @throws IllegalArgumentException when it names one that does not exist
     */
    public static OperationMode requested(String requestMode) {
        if (requestMode == null || requestMode.isBlank()) {
            return null;
        }
        return OperationMode.valueOf(requestMode.strip());
    }

    /** Whether a request's mode is one the copier knows (or absent). */
    public static boolean isKnown(String requestMode) {
        try {
            requested(requestMode);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * How an object can get across, before anything is tried.
     *
     * @param route  the copier pool that can carry it out
     * @param reason why, for the result's {@code methodReason}; null when server-side is possible
     */
    public record Plan(Route route, String reason) {
        public boolean serverSide() {
            return route == Route.SERVER_SIDE;
        }
    }

    /**
     * @param sourcesOnOtherEndpoint whether S3 sources are read from another endpoint than the destination's
     *                               ({@code sink.sourceEndpoint}), so the storage cannot copy between them
     */
    public static Plan plan(OperationMode mode, String sourceUri, boolean sourcesOnOtherEndpoint) {
        if (mode == OperationMode.TRADITIONAL) {
            return new Plan(Route.STREAMING, "TRADITIONAL always streams");
        }
        if (!S3Location.isS3(sourceUri)) {
            return new Plan(Route.STREAMING, "an HTTP(S) source cannot be copied server-side");
        }
        if (sourcesOnOtherEndpoint) {
            return new Plan(Route.STREAMING, "the source endpoint (sink.sourceEndpoint) is not the destination's, "
                    + "they cannot copy between each other");
        }
        return new Plan(Route.SERVER_SIDE, null);
    }

    /**
     * The same rule for any pair of locations: S3 to S3 (or an HTTP(S) source into S3) as above; otherwise
     * server-side when both are in one provider's store ({@code gs}→{@code gs}, {@code az}→{@code az},
     * {@code file}→{@code file}, one named remote), or when Azure can fetch the source itself (an S3, HTTP(S) or Azure
     * source into Azure); streamed for every other pair.
     */
    public static Plan plan(OperationMode mode, String sourceUri, String destinationUri,
                            boolean sourcesOnOtherEndpoint) {
        if (destinationUri == null || S3Location.isS3(destinationUri)) {
            if (S3Location.isS3(sourceUri) || S3Location.isHttp(sourceUri)) {
                return plan(mode, sourceUri, sourcesOnOtherEndpoint);
            }
        }
        if (mode == OperationMode.TRADITIONAL) {
            return new Plan(Route.STREAMING, "TRADITIONAL always streams");
        }
        String from = provider(sourceUri);
        String to = provider(destinationUri == null ? "s3://" : destinationUri);
        boolean azureFetches = to.equals("az") && (from.equals("s3") || from.equals("http") || from.equals("az"));
        if (from.equals(to) || azureFetches) {
            return new Plan(Route.SERVER_SIDE, null);
        }
        return new Plan(Route.STREAMING, from + " → " + to + " has no server-side copy between them");
    }

    /** {@code s3}, {@code gs}, {@code az}, {@code file}, {@code http}, or {@code remote:NAME}. */
    private static String provider(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            String s = uri.substring(0, scheme);
            return s.equals("https") ? "http" : s;
        }
        int colon = uri.indexOf(':');
        return "remote:" + (colon > 0 ? uri.substring(0, colon) : uri);
    }

    /** The copier pool of a request: {@link #plan}'s route. */
    public static Route route(OperationMode mode, String sourceUri, boolean sourcesOnOtherEndpoint) {
        return plan(mode, sourceUri, sourcesOnOtherEndpoint).route();
    }
}
