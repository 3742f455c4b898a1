package io.pistonee.edge.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A setting's list of IP addresses and CIDR ranges, such as {@code 127.0.0.0/8, ::1, 10.0.0.0/8}: the
 * trusted proxies ({@code piston.proxy.trusted}), the addresses metrics are served to
 * ({@code piston.metrics.allowed}). Addresses are matched as literals, never looked up.
 */
public final class AddressRanges {

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * The ranges a setting lists, comma-separated.
     *
     * @param key the setting's name, for the message
     * @throws IllegalArgumentException naming the entry that is no address or range
     */
    public static AddressRanges parse(String key, String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : ProxyHeaders.elements(setting)) {
            ranges.add(Range.parse(key, entry));
        }
        return new AddressRanges(List.copyOf(ranges));
    }

    /** Whether an address (a literal, as a connection's peer is given) is in one of the ranges. */
    public boolean contains(String address) {
        Optional<InetAddress> parsed = Addresses.literal(address);
        return parsed.isPresent() && ranges.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /** Whether the list is empty. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** One address, or a CIDR range. */
    private record Range(byte[] network, int bits) {

        static Range parse(String key, String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = Addresses.literal(address)
                    .orElseThrow(() -> new IllegalArgumentException(key + ": '" + entry
                            + "' is not an IP address or CIDR range such as 127.0.0.1, ::1 or 10.0.0.0/8"));
            int max = parsed.getAddress().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > max) {
                    throw new IllegalArgumentException(
                            key + ": '" + entry + "' has a prefix length outside 0 to " + max);
                }
            }
            return new Range(parsed.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
