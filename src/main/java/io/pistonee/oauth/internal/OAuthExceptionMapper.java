package io.pistonee.oauth.internal;

import io.pistonee.config.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers an {@link OAuthException} as RFC 6749 §5.2 says: JSON, never cached, challenges on 401. */
@Provider
@ApplicationScoped
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    @Inject
    SecurityConfig config;

    @Override
    public Response toResponse(OAuthException exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", exception.error());
        body.put("error_description", exception.getMessage());
        Response.ResponseBuilder response = Response.status(exception.status())
                .entity(OAuthResource.json(body))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        if (exception.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"" + config.realm() + "\", charset=\"UTF-8\"");
        }
        if (exception.retryAfter() > 0) {
            response.header("Retry-After", Long.toString(exception.retryAfter()));
        }
        return response.build();
    }
}
