package io.pistonee.parser.internal;

import io.pistonee.config.PistonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * {@code piston.max-body-bytes} for every request body of the application, not only the ones handlers'
 * parsers read: the OAuth token endpoint's form and a user's own JAX-RS resources are bounded too. A
 * declared {@code Content-Length} over the limit answers 413 before anything is read; a body that turns
 * out longer (chunked) answers 413 when the limit is passed.
 */
@Provider
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {

    /** A {@code Content-Length} short enough to be a {@code long} (compiled once, not per request). */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    @Inject
    PistonConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        long limit = config.maxBodyBytes();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && DIGITS.matcher(length).matches() && Long.parseLong(length) > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }
}
