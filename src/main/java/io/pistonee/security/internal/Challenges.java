package io.pistonee.security.internal;

/**
 * The {@code WWW-Authenticate} value of every 401: both schemes Piston EE accepts, as one
 * comma-separated list of challenges (RFC 9110 §11.6.1), with RFC 6750's {@code error} on the
 * Bearer challenge when a token was presented and rejected.
 */
public final class Challenges {

    private Challenges() {}

    /** Both challenges, for a request that presented no usable credentials. */
    public static String of(String realm) {
        return basic(realm) + ", " + bearer(realm);
    }

    /** Both challenges, the Bearer one saying the presented token is invalid. */
    public static String invalidToken(String realm, String description) {
        return basic(realm) + ", " + bearer(realm) + ", error=\"invalid_token\", error_description=\""
                + quoted(description) + "\"";
    }

    private static String basic(String realm) {
        return "Basic realm=\"" + quoted(realm) + "\", charset=\"UTF-8\"";
    }

    private static String bearer(String realm) {
        return "Bearer realm=\"" + quoted(realm) + "\"";
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
