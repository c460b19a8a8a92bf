package io.archivesync.sink.copy;

import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.S3Location;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * What the copier may read: sources under {@code sink.allowedSources}, and for HTTP(S) only hosts whose every address
 * is public unless {@code sink.allowPrivateSources}. S3 sources are read from the configured endpoints
 * ({@code s3.endpoint}, {@code sink.sourceEndpoint}), which an operator chose, so only the allow-list applies to them.
 *
 * <p>The address check runs twice: before a copy starts ({@link SourceGuard}, for a result that says why) and as the
 * HTTP client's resolver ({@link #resolve}), so the addresses checked are the ones connected to. A host whose DNS
 * answer changes between the two (DNS rebinding), or a redirect to an internal address, is refused at connect time.
 */
final class SourcePolicy {

    static final String ALLOW_PRIVATE = "sink.allowPrivateSources";

    private final SourceAllowList allowList;
    private final boolean allowPrivate;

    SourcePolicy(SinkSettings settings) {
        this(new SourceAllowList(settings.allowedSources()), settings.allowPrivateSources());
    }

    SourcePolicy(SourceAllowList allowList, boolean allowPrivate) {
        this.allowList = allowList;
        this.allowPrivate = allowPrivate;
    }

    /** The checks that need no network: the allow-list. @return why the source is refused, or null */
    String refusal(String uri) {
        if (!allowList.allows(uri)) {
            return "it is not under any of " + allowList;
        }
        try {
            if (S3Location.isHttp(uri) && URI.create(uri).getHost() == null) {
                return "it names no host";
            }
        } catch (IllegalArgumentException e) {
            return "it is not a valid URI (" + e.getMessage() + ")";
        }
        return null;
    }

    /** Whether the source's host must be resolved and its addresses checked before it is read. */
    boolean checksAddresses(String uri) {
        return !allowPrivate && S3Location.isHttp(uri);
    }

    /**
     * Resolves the source's host and checks every address (blocking: DNS). @return why it is refused, or null; a
     * host that does not resolve is not refused here, the fetch then fails as any unreachable source does
     */
    String addressRefusal(String uri) {
        try {
            resolve(URI.create(uri).getHost());
            return null;
        } catch (SourceRefusedException e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The HTTP client's resolver: every address of the host, or a refusal when one is not public (a host with one
     * private address among public ones could be made to connect to it).
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (allowPrivate) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String why = SourceAddresses.refusal(address);
            if (why != null) {
                throw new SourceRefusedException(host + " resolves to " + address.getHostAddress() + ", which is " + why
                        + "; HTTP(S) sources must be public addresses unless " + ALLOW_PRIVATE + "=true");
            }
        }
        return addresses;
    }
}
