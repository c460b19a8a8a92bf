package io.archivesync.processor.validate;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.avro.OperationMode;
import io.archivesync.core.s3.S3Location;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a request must pass before anything is copied. Pure: it answers with the first broken rule, worded for
 * the person who published the request.
 */
public final class RequestValidator {

    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Set<String> MODES =
            Arrays.stream(OperationMode.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final int MAX_KEY_BYTES = 1024;
    private static final Pattern METADATA_NAME = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final int MAX_METADATA_BYTES = 2048;

    private final List<String> allowedDestinations;

    /** @param allowedDestinations {@code bucket} or {@code bucket/prefix} entries; empty allows any destination */
    public RequestValidator(List<String> allowedDestinations) {
        this.allowedDestinations = List.copyOf(allowedDestinations);
    }

    /** @return the reason the request is refused, or empty when it is acceptable */
    public Optional<String> validate(FileSyncRequest r) {
        if (r.getRequestId() == null || r.getRequestId().isBlank()) {
            return Optional.of("requestId is missing");
        }
        if (r.getSource() == null || r.getSource().getUri() == null || r.getSource().getUri().isBlank()) {
            return Optional.of("source.uri is missing");
        }
        String uri = r.getSource().getUri();
        if (S3Location.isS3(uri)) {
            try {
                S3Location.parse(uri);
            } catch (IllegalArgumentException e) {
                return Optional.of("source.uri " + e.getMessage());
            }
        } else if (!S3Location.isHttp(uri)) {
            return Optional.of("source.uri '" + uri + "' must be s3://bucket/key or an http(s) URL");
        }
        if (r.getDestination() == null) {
            return Optional.of("destination is missing");
        }
        String bucket = r.getDestination().getBucket();
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            return Optional.of("destination.bucket '" + bucket + "' is not a valid bucket name");
        }
        Optional<String> keyProblem = checkKey(r.getDestination().getKey());
        if (keyProblem.isPresent()) {
            return keyProblem;
        }
        if (!isAllowed(bucket + "/" + r.getDestination().getKey())) {
            return Optional.of("destination s3://" + bucket + "/" + r.getDestination().getKey()
                    + " is outside processor.allowedDestinations " + allowedDestinations);
        }
        if (r.getMode() != null && !MODES.contains(r.getMode())) {
            return Optional.of("mode '" + r.getMode() + "' is unknown (known: " + MODES + ")");
        }
        if (r.getExpectedSize() != null && r.getExpectedSize() < 0) {
            return Optional.of("expectedSize " + r.getExpectedSize() + " is negative");
        }
        if (r.getExpectedSha256() != null && !r.getExpectedSha256().matches("[0-9a-fA-F]{64}")) {
            return Optional.of("expectedSha256 is not 64 hex characters");
        }
        return r.getMetadata() == null ? Optional.empty() : checkMetadata(r.getMetadata());
    }

    /** What S3 accepts as user metadata over its REST API: header-safe names, printable ASCII, 2 KB in all. */
    static Optional<String> checkMetadata(MetadataReplacement m) {
        if (m.getContentType() != null && !isPrintableAscii(m.getContentType())) {
            return Optional.of("metadata.contentType must be printable ASCII");
        }
        int bytes = 0;
        for (Map.Entry<String, String> e : m.getUserMetadata().entrySet()) {
            if (!METADATA_NAME.matcher(e.getKey()).matches()) {
                return Optional.of("metadata.userMetadata name '" + e.getKey()
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
        if (key.startsWith("/")) {
            return Optional.of("destination.key '" + key + "' is an absolute path");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("destination.key '" + key + "' contains a '" + segment + "' segment");
            }
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("destination.key contains control characters");
        }
        if (key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return Optional.of("destination.key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        return Optional.empty();
    }
}
