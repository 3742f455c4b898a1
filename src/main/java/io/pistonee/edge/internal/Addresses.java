package io.pistonee.edge.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read without ever asking DNS: what a proxy header names is text from the
 * network, and a host name there must not become a lookup.
 */
final class Addresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}" + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private Addresses() {}

    /** The address an IPv4 or IPv6 literal (brackets allowed) names, or nothing. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(bare).matches();
        if (!v4 && !(bare.contains(":") && IPV6.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress only checks its form, no lookup.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A node of {@code Forwarded: for=} or {@code X-Forwarded-For} without its port: {@code [::1]:80} is {@code ::1}. */
    static String withoutPort(String node) {
        String value = node.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
    }
}
