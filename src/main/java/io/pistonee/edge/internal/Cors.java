package io.pistonee.edge.internal;

import io.pistonee.config.PistonConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CORS policy ({@code piston.cors.*}): which origins may read the API from a browser, and the
 * {@code Access-Control-*} headers they get. Off (no origin configured), it answers nothing and adds
 * nothing.
 *
 * <p>Origins match exactly, as browsers serialize them: scheme, host and a port only when it is not
 * the scheme's default, compared without case ({@code HTTP://LocalHost:3000/} configures
 * {@code http://localhost:3000}). {@code *} allows every origin, and only without credentials, as
 * browsers require. {@code null} (the origin of sandboxed and file pages) is never allowed.
 */
public final class Cors {

    private static final Cors OFF = new Cors(Set.of(), false, "", "", "", -1, false);

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final String exposed;
    private final long maxAge;
    private final boolean credentials;

    private Cors(
            Set<String> origins,
            boolean anyOrigin,
            String methods,
            String headers,
            String exposed,
            long maxAge,
            boolean credentials) {
        this.origins = origins;
        this.anyOrigin = anyOrigin;
        this.methods = methods;
        this.headers = headers;
        this.exposed = exposed;
        this.maxAge = maxAge;
        this.credentials = credentials;
    }

    /**
     * The policy a configuration describes.
     *
     * @throws IllegalArgumentException naming the key, for an origin that is none, or {@code *} with
     *     credentials
     */
    public static Cors of(PistonConfig.Cors settings) {
        List<String> listed = ProxyHeaders.elements(settings.allowedOrigins());
        if (listed.isEmpty()) {
            return OFF;
        }
        boolean any = listed.contains("*");
        if (any && settings.allowCredentials()) {
            throw new IllegalArgumentException("piston.cors.allowed-origins=* cannot be combined with"
                    + " piston.cors.allow-credentials=true: browsers refuse a wildcard origin with credentials;"
                    + " list the origins instead");
        }
        if (settings.maxAgeSeconds() < 0) {
            throw new IllegalArgumentException(
                    "piston.cors.max-age must be 0 or more seconds, not " + settings.maxAgeSeconds());
        }
        Set<String> origins = listed.stream()
                .filter(origin -> !origin.equals("*"))
                .map(Cors::configured)
                .collect(Collectors.toUnmodifiableSet());
        return new Cors(
                origins,
                any,
                String.join(", ", ProxyHeaders.elements(settings.allowedMethods())),
                String.join(", ", ProxyHeaders.elements(settings.allowedHeaders())),
                String.join(", ", ProxyHeaders.elements(settings.exposedHeaders())),
                settings.maxAgeSeconds(),
                settings.allowCredentials());
    }

    /** Whether CORS is on. */
    public boolean on() {
        return anyOrigin || !origins.isEmpty();
    }

    /** Whether a request's {@code Origin} may read the answers. */
    public boolean allows(String origin) {
        if (origin == null || !on()) {
            return false;
        }
        String normalized = normalized(origin);
        return normalized != null && (anyOrigin || origins.contains(normalized));
    }

    /** The headers of an answer to an allowed origin's request. */
    public Map<String, String> actual(String origin) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (credentials) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
        if (!exposed.isEmpty()) {
            answer.put("Access-Control-Expose-Headers", exposed);
        }
        return answer;
    }

    /** The headers of the answer to an allowed origin's preflight. */
    public Map<String, String> preflight(String origin) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (credentials) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
        answer.put("Access-Control-Allow-Methods", methods);
        if (!headers.isEmpty()) {
            answer.put("Access-Control-Allow-Headers", headers);
        }
        answer.put("Access-Control-Max-Age", Long.toString(maxAge));
        return answer;
    }

    /** A configured origin, normalized; anything but {@code scheme://host[:port]} fails the deployment. */
    private static String configured(String origin) {
        String normalized = normalized(origin.replaceAll("/+$", ""));
        if (normalized == null) {
            throw new IllegalArgumentException("piston.cors.allowed-origins: '" + origin
                    + "' is no origin such as https://app.example.com or http://localhost:3000");
        }
        return normalized;
    }

    /** {@code scheme://host[:port]} in lower case without the default port, or {@code null} if the text is no such origin. */
    static String normalized(String origin) {
        if (origin.length() > 300 || origin.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean standard = port == -1 || (scheme.equals("http") ? port == 80 : port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
