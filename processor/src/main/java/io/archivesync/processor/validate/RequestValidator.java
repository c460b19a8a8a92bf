package io.archivesync.processor.validate;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.mode.CopyModes;
import io.archivesync.core.s3.S3Location;
import io.archivesync.core.s3.naming.BucketNames;
import io.archivesync.schemas.key.Destinations;
import io.archivesync.schemas.key.RecordKey;
import io.archivesync.storage.location.LocationSyntax;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a request must pass before anything is copied. Pure: it answers with the first broken rule, worded for
 * the person who published the request. Values quoted in a reason are escaped ({@link LogSafe}), since reasons end up
 * in logs and dead-letter headers.
 */
public final class RequestValidator {

    private static final int MAX_KEY_BYTES = 1024;
    private static final Pattern METADATA_NAME = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final int MAX_METADATA_BYTES = 2048;

    private final List<String> allowedDestinations;
    private final long maxRequestBytes;

    /**
     * @param allowedDestinations {@code bucket} or {@code bucket/prefix} entries; empty allows any destination
     * @param maxEncodedBatchBytes the largest encoded batch ({@code processor.batch.maxEncodedBytes}): a request that
     *                             could not fit in a batch of its own is refused
     */
    public RequestValidator(List<String> allowedDestinations, long maxEncodedBatchBytes) {
        this.allowedDestinations = List.copyOf(allowedDestinations);
        this.maxRequestBytes = maxEncodedBatchBytes - RequestLimits.BATCH_OVERHEAD_BYTES;
    }

    /** @return the reason the request is refused, or empty when it is acceptable */
    public Optional<String> validate(FileSyncRequest r) {
        if (r.getRequestId() == null || r.getRequestId().isBlank()) {
            return Optional.of("requestId is missing");
        }
        if (r.getSource() == null || r.getSource().getUri() == null || r.getSource().getUri().isBlank()) {
            return Optional.of("source.uri is missing");
        }
        Optional<String> sourceProblem = checkSource(r.getSource().getUri());
        if (sourceProblem.isPresent()) {
            return sourceProblem;
        }
        if (r.getDestination() == null) {
            return Optional.of("destination is missing");
        }
        Optional<String> destinationProblem = checkDestination(r.getDestination());
        if (destinationProblem.isPresent()) {
            return destinationProblem;
        }
        String key = RecordKey.of(r.getDestination());
        if (!isAllowed(key)) {
            return Optional.of("destination " + LogSafe.escape(Destinations.location(r.getDestination()))
                    + " is outside processor.allowedDestinations " + allowedDestinations);
        }
        if (!CopyModes.isKnown(r.getMode())) {
            return Optional.of("mode '" + LogSafe.escape(r.getMode()) + "' is unknown (known: " + CopyModes.KNOWN
                    + ")");
        }
        if (r.getExpectedSize() != null && r.getExpectedSize() < 0) {
            return Optional.of("expectedSize " + r.getExpectedSize() + " is negative");
        }
        // Upper-case hex is accepted and normalised to lower case (ValidatedRequest.valid), not refused.
        if (r.getExpectedSha256() != null && !SHA256.matcher(r.getExpectedSha256()).matches()) {
            return Optional.of("expectedSha256 is not 64 hex characters");
        }
        Optional<String> attributesProblem = RequestLimits.checkAttributes(r.getAttributes());
        if (attributesProblem.isPresent()) {
            return attributesProblem;
        }
        if (r.getMetadata() != null) {
            Optional<String> metadataProblem = checkMetadata(r.getMetadata());
            if (metadataProblem.isPresent()) {
                return metadataProblem;
            }
        }
        long size = RequestLimits.batchedSizeUpperBound(r);
        if (size > maxRequestBytes) {
            return Optional.of("the request takes up to " + size + " bytes in a batch, more than a batch can hold ("
                    + maxRequestBytes + " bytes under processor.batch.maxEncodedBytes)");
        }
        return Optional.empty();
    }

    /**
     * The destination: a valid S3 bucket and a safe key when it is on the copier's S3 (no uri, or an {@code s3://}
     * one, which must then say the same bucket and key); a location the copier can read otherwise.
     */
    static Optional<String> checkDestination(Destination d) {
        String uri = d.getUri();
        boolean onS3 = uri == null || S3Location.isS3(uri);
        if (uri != null) {
            int unsafe = firstUnsafe(uri);
            if (unsafe >= 0) {
                return Optional.of("destination.uri '" + LogSafe.escape(uri) + "' contains "
                        + describe(uri.charAt(unsafe)));
            }
            Optional<String> problem = LocationSyntax.problem(uri);
            if (problem.isPresent()) {
                return Optional.of("destination.uri " + LogSafe.escape(problem.get()));
            }
            if (uri.startsWith("http://") || uri.startsWith("https://")) {
                return Optional.of("destination.uri '" + uri + "' is an HTTP(S) URL, which can only be read");
            }
            if (onS3 && !uri.equals("s3://" + d.getBucket() + "/" + d.getKey())) {
                return Optional.of("destination.uri '" + LogSafe.escape(uri) + "' is not s3://" + d.getBucket() + "/"
                        + LogSafe.escape(d.getKey()) + ", the destination's bucket and key");
            }
        }
        if (onS3) {
            Optional<String> bucketProblem = BucketNames.problem(d.getBucket());
            if (bucketProblem.isPresent()) {
                return Optional.of("destination.bucket '" + LogSafe.escape(d.getBucket())
                        + "' is not a valid bucket name: it " + bucketProblem.get());
            }
        }
        return checkKey(d.getKey());
    }

    /**
     * An {@code s3://} URI with a valid bucket name, an HTTP(S) URL, or another location ({@code gs://},
     * {@code az://}, {@code file://}, {@code REMOTE:path}); none with unsafe characters.
     */
    static Optional<String> checkSource(String uri) {
        int unsafe = firstUnsafe(uri);
        if (unsafe >= 0) {
            return Optional.of("source.uri '" + LogSafe.escape(uri) + "' contains " + describe(uri.charAt(unsafe)));
        }
        if (S3Location.isS3(uri)) {
            S3Location location;
            try {
                location = S3Location.parse(uri);
            } catch (IllegalArgumentException e) {
                return Optional.of("source.uri " + e.getMessage());
            }
            Optional<String> bucketProblem = BucketNames.problem(location.bucket());
            if (bucketProblem.isPresent()) {
                return Optional.of("source.uri '" + uri + "' names an invalid bucket: its name "
                        + bucketProblem.get());
            }
        } else if (!S3Location.isHttp(uri)) {
            Optional<String> problem = LocationSyntax.problem(uri);
            if (problem.isPresent()) {
                return Optional.of("source.uri " + LogSafe.escape(problem.get()));
            }
        }
        return Optional.empty();
    }

    /** What S3 accepts as user metadata over its REST API: header-safe names, printable ASCII, 2 KB in all. */
    static Optional<String> checkMetadata(MetadataReplacement m) {
        if (m.getContentType() != null && !isPrintableAscii(m.getContentType())) {
            return Optional.of("metadata.contentType must be printable ASCII");
        }
        if (m.getContentType() != null && m.getContentType().length() > RequestLimits.MAX_CONTENT_TYPE_CHARS) {
            return Optional.of("metadata.contentType is longer than " + RequestLimits.MAX_CONTENT_TYPE_CHARS
                    + " characters");
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : m.getUserMetadata().entrySet()) {
            if (!METADATA_NAME.matcher(e.getKey()).matches()) {
                return Optional.of("metadata.userMetadata name '" + LogSafe.escape(e.getKey())
                        + "' must be letters, digits, '-', '_' or '.'");
            }
            if (!isPrintableAscii(e.getValue())) {
                return Optional.of("metadata.userMetadata value of '" + e.getKey() + "' must be printable ASCII");
            }
            bytes += e.getKey().length() + e.getValue().length();
        }
        if (bytes > MAX_METADATA_BYTES) {
            return Optional.of("metadata.userMetadata is " + bytes + " bytes; S3 allows " + MAX_METADATA_BYTES);
        }
        return Optional.empty();
    }

    private static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private boolean isAllowed(String destination) {
        if (allowedDestinations.isEmpty()) {
            return true;
        }
        for (String allowed : allowedDestinations) {
            String prefix = allowed.contains("/") ? allowed : allowed + "/";
            if (destination.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> checkKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("destination.key is missing");
        }
        int unsafe = firstUnsafe(key);
        if (unsafe >= 0) {
            return Optional.of("destination.key '" + LogSafe.escape(key) + "' contains " + describe(key.charAt(unsafe))
                    + " at character " + unsafe);
        }
        if (key.startsWith("/")) {
            return Optional.of("destination.key '" + key + "' is an absolute path");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("destination.key '" + key + "' contains a '" + segment + "' segment");
            }
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return Optional.of("destination.key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * The index of the first character that S3 may accept but that breaks tools and logs: C0 and C1 controls (NUL,
     * newline, ESC, NEL U+0085 ...), DEL, the line and paragraph separators U+2028/U+2029, and U+FFFD, which is what
     * invalid UTF-8 bytes become when the request is decoded. -1 when there is none.
     */
    static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFFFD') {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        if (c == '\uFFFD') {
            return code + " (invalid UTF-8, or a replacement character)";
        }
        return c == '\u2028' || c == '\u2029' ? code + " (a line or paragraph separator)" : code + " (a control"
                + " character)";
    }
}
