package io.pistonee.throttle.internal;

import java.lang.reflect.Method;
import java.security.Principal;

/**
 * Who a request comes from, for throttling: {@code user:<name>} when authenticated, else
 * {@code address:<client address>}; plus {@code |client:<id>} when the caller's token carries an
 * OAuth {@code client_id} claim.
 *
 * <p>The client address is the connection's peer unless it is a trusted proxy
 * ({@code piston.proxy.trusted}): then it is the address the proxies name, read from the right, so a
 * client cannot choose its own bucket by sending {@code X-Forwarded-For} itself (see the edge's
 * {@code TrustedProxies}).
 */
public final class Callers {

    private Callers() {}

    /** The caller's key: the user, else the client address (as the edge found it behind trusted proxies). */
    public static String of(Principal user, String clientAddress) {
        String caller = user != null && user.getName() != null ? "user:" + user.getName() : "address:" + clientAddress;
        String client = clientId(user);
        return client == null ? caller : caller + "|client:" + client;
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
