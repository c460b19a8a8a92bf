package io.archivesync.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password for HTTP basic authentication. {@link #toString()} masks the password so the
 * credentials can sit in a logged configuration record.
 *
 * @param user     the user name, not blank
 * @param password the password, possibly empty
 */
public record BasicAuthCredentials(String user, String password) {

    public BasicAuthCredentials {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("basic auth user must not be blank");
        }
        password = Objects.requireNonNullElse(password, "");
    }

    /**
     * Parses Confluent's {@code user:password} form (the password may itself contain colons).
     *
     * @throws IllegalArgumentException when there is no colon, without echoing the value
     */
    public static BasicAuthCredentials parse(String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("basic auth user info must have the form user:password");
        }
        return new BasicAuthCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String headerValue() {
        String token = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuthCredentials[user=" + user + ", password=****]";
    }
}
