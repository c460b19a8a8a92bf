package io.archivesync.core.s3;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3's rules for (general purpose) bucket names, so that a request naming a bucket no storage can hold is refused up
 * front with the rule it breaks, instead of failing later at the copier with a less helpful error. Legacy names with
 * upper-case letters or underscores are refused too: S3 has not allowed them for new buckets since 2018, and they do
 * not work with virtual-hosted addressing.
 */
public final class BucketNames {

    private static final Pattern ALLOWED = Pattern.compile("^[a-z0-9][a-z0-9.-]*[a-z0-9]$");
    private static final Pattern IP_ADDRESS = Pattern.compile("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 63;

    private BucketNames() {
    }

    /** Whether {@code name} is a valid bucket name. */
    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** The first rule {@code name} breaks, worded to follow "bucket name ...", or empty when it is valid. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is missing");
        }
        if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("must be lower-case letters, digits, '.' and '-', starting and ending with a letter"
                    + " or digit");
        }
        if (name.contains("..")) {
            return Optional.of("must not contain two adjacent periods");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return Optional.of("must not be formatted as an IP address");
        }
        if (name.startsWith("xn--")) {
            return Optional.of("must not start with 'xn--'");
        }
        return Optional.empty();
    }
}
