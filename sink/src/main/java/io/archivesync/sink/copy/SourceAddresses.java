package io.archivesync.sink.copy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses an HTTP(S) source may not resolve to unless {@code sink.allowPrivateSources} is set: anything that is
 * not the public internet. Whoever can publish a request chooses the URL, and the copier runs inside the network, so a
 * request for {@code http://169.254.169.254/latest/meta-data/} would otherwise read the cloud's credentials, and one
 * for {@code http://10.0.0.7/admin} an internal service.
 */
final class SourceAddresses {

    private SourceAddresses() {
    }

    /** @return why the address is not public, or null when it is */
    static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null) {
                String inner = refusal(embedded);
                return inner == null ? null : inner + ", embedded in " + address.getHostAddress();
            }
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified (0.0.0.0 or ::)";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local (cloud metadata lives here)";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? ipv4(b) : ipv6(b);
    }

    private static String ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "'this network' (0.0.0.0/8)";
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return "private (RFC 1918)";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "shared address space (100.64.0.0/10, carrier-grade NAT; Alibaba's metadata)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "IETF protocol assignments (192.0.0.0/24)";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "benchmarking (198.18.0.0/15)";
        }
        if (first >= 240) {
            return "reserved or broadcast (240.0.0.0/4)";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique local (fc00::/7; AWS's IPv6 metadata is fd00:ec2::254)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "site-local (fec0::/10)";
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address: each
     * reaches that IPv4 address, so it is judged as that address. (IPv4-mapped ::ffff:a.b.c.d arrives as IPv4.)
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16) && !(allZero(b, 12, 15) && b[15] == 1);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (compatible || nat64) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return v4(b[2], b[3], b[4], b[5]);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
