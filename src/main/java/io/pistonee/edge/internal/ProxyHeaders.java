package io.pistonee.edge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a proxy says about the request it forwards: RFC 7239 {@code Forwarded}, else the
 * {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}, {@code -Prefix} and {@code -For} headers.
 *
 * <p>A proxy sets these headers (nginx: {@code proxy_set_header}); where a list arrives, its first
 * element is the one the outermost proxy wrote, and is used. A value that does not parse is ignored
 * on its own ({@code Forwarded} as a whole): a scheme other than {@code http} or {@code https}, a host
 * that is no host name or address literal with an optional port, a port outside 1 to 65535, a prefix
 * that is not a plain absolute path. Nothing here is ever an error: the request is then answered as
 * if the header was not there.
 */
public final class ProxyHeaders {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t !#-\\[\\]-~]|\\\\[\\t !-~])*\"";
    private static final Pattern PAIR = Pattern.compile("\\s*(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")\\s*");
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]{2,45}])(?::(\\d{1,5}))?");
    private static final Pattern PREFIX = Pattern.compile("(?:/[A-Za-z0-9._~!$&'()*+,;=:@-]*)+");
    private static final int MAX_HEADER = 1024;

    private ProxyHeaders() {}

    /** The public origin of a request, as its proxy describes it (all absent when it says nothing usable). */
    public record Origin(String scheme, String host, int port, String prefix) {

        static final Origin NONE = new Origin(null, null, -1, null);

        /** Whether the proxy said anything usable. */
        public boolean any() {
            return scheme != null || host != null || port > 0 || prefix != null;
        }
    }

    /** The origin the headers describe; {@code header} gives a header's first value, or {@code null}. */
    public static Origin origin(Function<String, String> header) {
        Optional<List<Map<String, String>>> forwarded = forwarded(header.apply("Forwarded"));
        if (forwarded.isPresent() && !forwarded.get().isEmpty()) {
            Map<String, String> first = forwarded.get().get(0);
            HostPort host = host(first.get("host"));
            return new Origin(
                    scheme(first.get("proto")),
                    host == null ? null : host.name(),
                    host == null ? -1 : host.port(),
                    prefix(header.apply("X-Forwarded-Prefix")));
        }
        HostPort host = host(first(header.apply("X-Forwarded-Host")));
        int port = host != null && host.port() > 0 ? host.port() : port(first(header.apply("X-Forwarded-Port")));
        return new Origin(
                scheme(first(header.apply("X-Forwarded-Proto"))),
                host == null ? null : host.name(),
                port,
                prefix(header.apply("X-Forwarded-Prefix")));
    }

    /** The forwarded chain of client addresses, left to right: {@code Forwarded}'s {@code for}, else {@code X-Forwarded-For}. */
    public static List<String> chain(Function<String, String> header) {
        Optional<List<Map<String, String>>> forwarded = forwarded(header.apply("Forwarded"));
        if (forwarded.isPresent()) {
            List<String> chain = new ArrayList<>();
            for (Map<String, String> element : forwarded.get()) {
                chain.add(element.getOrDefault("for", "unknown"));
            }
            return chain;
        }
        return TrustedProxies.chain(limited(header.apply("X-Forwarded-For")));
    }

    /**
     * RFC 7239's {@code Forwarded}: elements separated by commas, each of {@code name=value} pairs
     * separated by semicolons, a value a token or a quoted string; names case-insensitive, each once
     * per element. Empty when absent or malformed.
     */
    static Optional<List<Map<String, String>>> forwarded(String value) {
        if (limited(value) == null || value.isBlank()) {
            return Optional.empty();
        }
        List<Map<String, String>> elements = new ArrayList<>();
        for (String element : HeaderSyntax.split(value, ',')) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : HeaderSyntax.split(element, ';')) {
                var matcher = PAIR.matcher(pair);
                if (!matcher.matches()
                        || pairs.put(matcher.group(1).toLowerCase(Locale.ROOT), HeaderSyntax.unquote(matcher.group(2)))
                                != null) {
                    return Optional.empty();
                }
            }
            elements.add(pairs);
        }
        return Optional.of(elements);
    }

    static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String scheme = value.strip().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? scheme : null;
    }

    record HostPort(String name, int port) {}

    static HostPort host(String value) {
        if (value == null || value.length() > 300) {
            return null;
        }
        var matcher = HOST.matcher(value.strip());
        if (!matcher.matches()) {
            return null;
        }
        String name = value.strip();
        if (matcher.group(1) == null) {
            return new HostPort(name.toLowerCase(Locale.ROOT), -1);
        }
        int port = port(matcher.group(1));
        return port < 0
                ? null
                : new HostPort(name.substring(0, name.lastIndexOf(':')).toLowerCase(Locale.ROOT), port);
    }

    static int port(String value) {
        if (value == null || !value.strip().matches("\\d{1,5}")) {
            return -1;
        }
        int port = Integer.parseInt(value.strip());
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** A plain absolute path without a trailing slash, empty or dot segments; {@code /} is the empty prefix. */
    static String prefix(String value) {
        if (value == null || value.length() > 300) {
            return null;
        }
        String path = first(value);
        if (path == null
                || !PREFIX.matcher(path).matches()
                || path.contains("//")
                || path.matches(".*/\\.{1,2}(/.*)?")) {
            return null;
        }
        return path.replaceAll("/+$", "");
    }

    /** The elements of a comma-separated list (a header, a setting), stripped, empty ones left out. */
    static List<String> elements(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(element -> !element.isEmpty())
                .toList();
    }

    /** The first element of a comma-separated header. */
    private static String first(String value) {
        if (limited(value) == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).strip();
    }

    /** A header that is not absurdly long, or {@code null}. */
    private static String limited(String value) {
        return value == null || value.length() > MAX_HEADER ? null : value;
    }
}
