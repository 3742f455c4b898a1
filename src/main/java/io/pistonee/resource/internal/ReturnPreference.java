package io.pistonee.resource.internal;

import io.pistonee.edge.internal.HeaderSyntax;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * What a client asked a write to answer with: RFC 7240's {@code Prefer: return=minimal} (no body) or
 * {@code return=representation} (the item, as without the header).
 *
 * <p>Read as RFC 7240 §2 says: a comma-separated list of preferences, each a token, optionally
 * {@code =} a token or quoted string, then {@code ;} parameters (ignored here); names in any case;
 * only the first {@code return} counts; every other preference, and a {@code return} of another
 * value, is ignored. A preference that is applied is echoed in {@code Preference-Applied}, the
 * explicit default too, so a client can tell that the server read its header.
 */
enum ReturnPreference {
    /** No {@code return} preference, or one of no known value: the representation, nothing echoed. */
    NONE,
    MINIMAL,
    REPRESENTATION;

    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    /** The preference of a request's {@code Prefer} header lines (none, one or several). */
    static ReturnPreference of(List<String> headers) {
        if (headers == null) {
            return NONE;
        }
        for (String header : headers) {
            for (String preference : HeaderSyntax.split(header, ',')) {
                String token = HeaderSyntax.split(preference, ';').get(0);
                int equals = token.indexOf('=');
                String name = (equals < 0 ? token : token.substring(0, equals)).strip();
                if (name.equalsIgnoreCase("return")) {
                    return equals < 0
                            ? NONE
                            : named(HeaderSyntax.unquote(
                                    token.substring(equals + 1).strip()));
                }
            }
        }
        return NONE;
    }

    private static ReturnPreference named(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "minimal" -> MINIMAL;
            case "representation" -> REPRESENTATION;
            default -> NONE;
        };
    }

    /** Adds {@code Preference-Applied} to an answer that applied this preference (none for {@link #NONE}). */
    Response.ResponseBuilder applied(Response.ResponseBuilder response) {
        return this == NONE
                ? response
                : response.header(PREFERENCE_APPLIED, "return=" + name().toLowerCase(Locale.ROOT));
    }
}
