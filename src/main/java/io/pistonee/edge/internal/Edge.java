package io.pistonee.edge.internal;

import io.pistonee.config.PistonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The edge's settings, read once at deployment (a bad one fails it): the public base URL, the trusted
 * proxies and the CORS policy; and what they make of a request: its client address and public
 * origin.
 */
@ApplicationScoped
public class Edge {

    private static final Logger LOG = Logger.getLogger(Edge.class.getName());

    @Inject
    PistonConfig config;

    private Optional<URI> publicBase;
    private TrustedProxies proxies;
    private Cors cors;

    /** The edge of settings given directly, for code that runs without a container (unit tests, tools). */
    public static Edge of(PistonConfig config) {
        Edge edge = new Edge();
        edge.config = config;
        edge.init();
        return edge;
    }

    /**
     * Reads the settings; one it cannot use fails the deployment, and is logged here at SEVERE too:
     * Payara logs a failed deployment with CDI's wrapper only, not the cause's message.
     */
    @PostConstruct
    void init() {
        try {
            publicBase = config.publicBaseUrl();
            proxies = TrustedProxies.parse(config.proxyTrusted(), config.trustedProxies());
            cors = Cors.of(config.cors());
        } catch (IllegalArgumentException e) {
            LOG.severe("Piston EE cannot start with this configuration: " + e.getMessage());
            throw e;
        }
        if (config.trustedProxies() > 0) {
            LOG.warning(
                    config.proxyTrusted().isBlank()
                            ? "piston.throttle.trusted-proxies is deprecated: set piston.proxy.trusted to the proxies'"
                                    + " addresses (such as 127.0.0.1, ::1 or 10.0.0.0/8) instead"
                            : "piston.throttle.trusted-proxies is deprecated and ignored: piston.proxy.trusted is set");
        }
    }

    /** Reads the settings at deployment, so a bad one fails it rather than a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        cors.on();
    }

    /** The configured public base URL, if any. */
    public Optional<URI> publicBase() {
        return publicBase;
    }

    public Cors cors() {
        return cors;
    }

    /**
     * The headers every answer to a request carries: its {@code X-Request-Id}, and for an allowed
     * origin the CORS headers of an actual request.
     */
    Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RequestIds.HEADER, RequestIds.assign(request));
        String origin = request.getHeader("Origin");
        if (cors.allows(origin)) {
            headers.putAll(cors.actual(origin));
        }
        return headers;
    }

    /**
     * Gives an answer written before the edge filter runs (the authentication mechanism's 401 and
     * 429) the headers the filter gives every other: the request id, CORS, {@code Vary: Origin}.
     */
    public void decorate(HttpServletRequest request, HttpServletResponse response) {
        EdgeResponse.apply(response, headers(request), cors.on());
    }

    /** Whether the request's peer is a proxy whose headers are believed. */
    boolean fromTrustedProxy(HttpServletRequest request) {
        return proxies.trusts(request.getRemoteAddr());
    }

    /**
     * The client's address: the connection's peer, or behind trusted proxies the address they name
     * ({@link TrustedProxies#client}).
     */
    public String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!proxies.any()) {
            return peer;
        }
        return proxies.client(peer, ProxyHeaders.chain(request::getHeader));
    }
}
