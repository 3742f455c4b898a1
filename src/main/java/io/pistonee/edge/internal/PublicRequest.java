package io.pistonee.edge.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;

/**
 * A request as the public sees it: the scheme, host, port and context path of the public base URL or
 * of trusted proxy headers, so that everything built from the request's URL (JAX-RS's
 * {@code UriInfo}, hence {@code Location}, {@code resource_uri}, {@code Link}) is public.
 */
final class PublicRequest extends HttpServletRequestWrapper {

    private final String scheme;
    private final String host;
    private final int port;
    private final String contextPath;
    private final String requestUri;

    private PublicRequest(HttpServletRequest request, String scheme, String host, int port, String contextPath) {
        super(request);
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.contextPath = contextPath;
        String raw = request.getRequestURI();
        String rawContext = request.getContextPath();
        this.requestUri = contextPath + (raw.startsWith(rawContext) ? raw.substring(rawContext.length()) : raw);
    }

    /** The request under a public base URL: its path stands for the context root. */
    static PublicRequest under(HttpServletRequest request, URI base) {
        String scheme = base.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = base.getPort() > 0 ? base.getPort() : defaultPort(scheme);
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return new PublicRequest(request, scheme, base.getHost(), port, path);
    }

    /**
     * The request as a proxy forwarded it: what the proxy says replaces the request's own; a host or
     * scheme without a port means the scheme's default port; the prefix goes before the context path.
     */
    static PublicRequest forwarded(HttpServletRequest request, ProxyHeaders.Origin origin) {
        String scheme = origin.scheme() != null ? origin.scheme() : request.getScheme();
        String host = origin.host() != null ? origin.host() : request.getServerName();
        int port = origin.port() > 0
                ? origin.port()
                : origin.host() != null || origin.scheme() != null ? defaultPort(scheme) : request.getServerPort();
        String prefix = origin.prefix() == null ? "" : origin.prefix();
        return new PublicRequest(request, scheme, host, port, prefix + request.getContextPath());
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public boolean isSecure() {
        return "https".equals(scheme);
    }

    @Override
    public String getServerName() {
        return host;
    }

    @Override
    public int getServerPort() {
        return port;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(scheme).append("://").append(host);
        if (port != defaultPort(scheme)) {
            url.append(':').append(port);
        }
        return url.append(requestUri);
    }
}
