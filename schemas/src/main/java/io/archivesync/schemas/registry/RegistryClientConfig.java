package io.archivesync.schemas.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link RestSchemaRegistryClient}, parsed once from serde configuration using Confluent's keys so a
 * configuration written for Confluent's serde works unchanged. Credentials embedded in a URL are moved out of
 * it, so {@link #urls()} and {@link #toString()} are safe to log.
 *
 * @param urls           registry base URLs without user info, tried in order when one cannot be reached
 * @param credentials    basic auth credentials, or null for none
 * @param tls            trust and key stores for https
 * @param connectTimeout bound on establishing a connection
 * @param requestTimeout bound on a whole request, so a hung registry cannot stall a stream thread forever
 */
public record RegistryClientConfig(List<URI> urls, BasicAuthCredentials credentials, TlsSettings tls,
                                   Duration connectTimeout, Duration requestTimeout) {

    /** Comma-separated base URLs; {@code mock://scope} selects the in-memory registry. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code URL} (default: user info inside the URL) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} when the source is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Bound on connecting, in milliseconds (default 10 000). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Bound on a whole request, in milliseconds (default 30 000). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    private static final String REGISTRY_PREFIX = "schema.registry.";
    private static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    private static final long DEFAULT_READ_TIMEOUT_MS = 30_000;

    public RegistryClientConfig {
        if (urls == null || urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " must name at least one registry URL");
        }
        urls = List.copyOf(urls);
        tls = tls == null ? new TlsSettings(null, null, null, null, null, null, null) : tls;
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigException("schema registry timeouts must be positive");
        }
    }

    /** A configuration with default timeouts, no TLS stores and no credentials, for {@code urls}. */
    public static RegistryClientConfig of(String urls) {
        return from(Map.of(SCHEMA_REGISTRY_URL, urls));
    }

    /**
     * Parses Confluent-style serde configuration.
     *
     * @throws ConfigException naming the setting when a value is missing, malformed or contradictory
     */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        String raw = ConfigValues.string(configs, SCHEMA_REGISTRY_URL);
        if (raw == null) {
            throw new ConfigException("Missing required setting " + SCHEMA_REGISTRY_URL);
        }
        List<URI> urls = new ArrayList<>();
        BasicAuthCredentials fromUrl = null;
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            URI uri = parseUrl(part.trim());
            if (uri.getRawUserInfo() != null && fromUrl == null) {
                fromUrl = BasicAuthCredentials.parse(URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8));
            }
            urls.add(withoutUserInfo(uri));
        }
        return new RegistryClientConfig(urls, credentials(configs, fromUrl), TlsSettings.from(configs),
                Duration.ofMillis(ConfigValues.longValue(configs, timeoutKey(configs, HTTP_CONNECT_TIMEOUT_MS),
                        DEFAULT_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(ConfigValues.longValue(configs, timeoutKey(configs, HTTP_READ_TIMEOUT_MS),
                        DEFAULT_READ_TIMEOUT_MS)));
    }

    private static String timeoutKey(Map<String, ?> configs, String key) {
        return configs.containsKey(key) ? key : REGISTRY_PREFIX + key;
    }

    private static BasicAuthCredentials credentials(Map<String, ?> configs, BasicAuthCredentials fromUrl) {
        String source = ConfigValues.firstString(configs, BASIC_AUTH_CREDENTIALS_SOURCE,
                REGISTRY_PREFIX + BASIC_AUTH_CREDENTIALS_SOURCE);
        source = source == null ? "URL" : source.toUpperCase(Locale.ROOT);
        switch (source) {
            case "URL":
                return fromUrl;
            case "USER_INFO":
                String userInfo = ConfigValues.firstString(configs, BASIC_AUTH_USER_INFO,
                        REGISTRY_PREFIX + BASIC_AUTH_USER_INFO);
                if (userInfo == null) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
                            + BASIC_AUTH_USER_INFO + "=user:password");
                }
                try {
                    return BasicAuthCredentials.parse(userInfo);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO + " must have the form user:password");
                }
            default:
                throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: URL, USER_INFO");
        }
    }

    private static URI parseUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " has a malformed URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " entries must be http(s)://host[:port][/path], got "
                    + uri.getScheme() + "://" + (uri.getHost() == null ? "(no host)" : uri.getHost()));
        }
        return uri;
    }

    private static URI withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        StringBuilder clean = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            clean.append(':').append(uri.getPort());
        }
        return URI.create(clean.append(path).toString());
    }
}
