package io.pistonee.edge.internal;

import java.util.List;

/**
 * The proxies whose headers are believed ({@code piston.proxy.trusted}): addresses and CIDR ranges,
 * such as {@code 127.0.0.1, ::1, 10.0.0.0/8}; and the client address behind them.
 *
 * <p>The client is the peer of the connection, unless the peer is trusted: then the forwarded chain
 * ({@code Forwarded: for=}, else {@code X-Forwarded-For}) is read from the right, each proxy having
 * appended the address it received the request from, and the first address that is not a trusted
 * proxy is the client; so a client cannot choose its address by sending the header itself.
 * {@code piston.throttle.trusted-proxies=n} (deprecated) trusts the last {@code n} hops whatever
 * their address, as it did.
 */
public final class TrustedProxies {

    private final AddressRanges ranges;
    private final int legacyHops;

    private TrustedProxies(AddressRanges ranges, int legacyHops) {
        this.ranges = ranges;
        this.legacyHops = legacyHops;
    }

    /** Nobody trusted. */
    public static TrustedProxies none() {
        return new TrustedProxies(AddressRanges.parse("piston.proxy.trusted", ""), 0);
    }

    /**
     * The proxies a setting lists (comma-separated addresses or CIDR ranges), plus the deprecated hop
     * count, used only when the list is empty.
     *
     * @throws IllegalArgumentException naming the entry that is no address or range
     */
    public static TrustedProxies parse(String setting, int legacyHops) {
        AddressRanges ranges = AddressRanges.parse("piston.proxy.trusted", setting);
        return new TrustedProxies(ranges, ranges.isEmpty() ? Math.max(0, legacyHops) : 0);
    }

    /** Whether an address (a literal, as the connection's peer is given) is a trusted proxy. */
    public boolean trusts(String address) {
        return ranges.contains(address);
    }

    /** Whether any proxy is trusted, by address or by the deprecated count. */
    public boolean any() {
        return !ranges.isEmpty() || legacyHops > 0;
    }

    /**
     * The client's address: the peer, or, from a trusted peer, the nearest untrusted address of the
     * forwarded chain (the chain's first when every hop is trusted).
     */
    public String client(String peer, List<String> chain) {
        if (legacyHops > 0) {
            return chain.isEmpty() ? peer : chain.get(Math.max(0, chain.size() - legacyHops));
        }
        if (!trusts(peer)) {
            return peer;
        }
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = Addresses.withoutPort(chain.get(i));
            if (Addresses.literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The nodes of an {@code X-Forwarded-For} value, left to right. */
    public static List<String> chain(String forwardedFor) {
        return ProxyHeaders.elements(forwardedFor);
    }
}
