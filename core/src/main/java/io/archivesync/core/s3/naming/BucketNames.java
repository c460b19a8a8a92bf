package io.archivesync.core.s3.naming;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3's bucket naming rules, in one place: a bad destination name is refused at start-up by the configuration and per
 * request by the processor, instead of every copy to it failing one by one.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">bucket naming rules</a>
 */
public final class BucketNames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3");

    private BucketNames() {
    }

    /** Whether S3 accepts {@code name} as a bucket name. */
    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /**
     * @return what is wrong with {@code name}, worded to follow {@code 'name' is not a valid bucket name: }, or empty
     *         when S3 accepts it
     */
    public static Optional<String> problem(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return Optional.of("must be 3 to 63 characters long");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("only lower-case letters, digits, dots and hyphens are allowed");
        }
        if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            return Optional.of("must start and end with a letter or a digit");
        }
        if (name.contains("..")) {
            return Optional.of("must not contain two dots in a row");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return Optional.of("must not look like an IP address");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("must not start with '" + prefix + "' (reserved by S3)");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("must not end with '" + suffix + "' (reserved by S3)");
            }
        }
        return Optional.empty();
    }

    /** The one-line reason {@code name} is refused, or empty: {@code 'My_Bucket' is not a valid bucket name: ...}. */
    public static Optional<String> describeProblem(String name) {
        return problem(name).map(p -> "'" + name + "' is not a valid bucket name: " + p);
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
