package io.pistonee.throttle.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;

/**
 * Who a request comes from, for throttling: {@code user:<name>} when authenticated, else
 * {@code address:<client address>}; plus {@code |client:<id>} when the caller's token carries an
 * OAuth {@code client_id} claim.
 *
 * <p>The client address is the connection's peer unless proxies are trusted: with {@code n} trusted
 * proxies ({@code piston.throttle.trusted-proxies}), it is the {@code n}-th address from the right of
 * {@code X-Forwarded-For} (each proxy appends the address it received the request from), so a client
 * cannot choose its own bucket by sending the header itself.
 */
public final class Callers {

    private Callers() {}

    public static String of(Principal user, String peerAddress, String forwardedFor, int trustedProxies) {
        String caller = user != null && user.getName() != null
                ? "user:" + user.getName()
                : "address:" + clientAddress(peerAddress, forwardedFor, trustedProxies);
        String client = clientId(user);
        return client == null ? caller : caller + "|client:" + client;
    }

    static String clientAddress(String peerAddress, String forwardedFor, int trustedProxies) {
        if (trustedProxies < 1 || forwardedFor == null || forwardedFor.isBlank()) {
            return peerAddress;
        }
        List<String> hops = java.util.Arrays.stream(forwardedFor.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        if (hops.isEmpty()) {
            return peerAddress;
        }
        return hops.get(Math.max(0, hops.size() - trustedProxies));
    }

    /**
     * The {@code client_id} claim of a MicroProfile JWT principal, read through its {@code getClaim}
     * method so that servers without MicroProfile JWT need not have the class.
     */
    static String clientId(Principal user) {
        if (user == null) {
            return null;
        }
        try {
            Method claim = user.getClass().getMethod("getClaim", String.class);
            Object value = claim.invoke(user, "client_id");
            return value == null ? null : unquoted(String.valueOf(value));
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A JSON-P string value prints with quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
