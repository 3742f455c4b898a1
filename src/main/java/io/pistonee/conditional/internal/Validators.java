package io.pistonee.conditional.internal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * The validators of one response, and whether the client's copy is current.
 *
 * @param etag the entity tag, or {@code null} when the representation has none (a one-pass stream)
 * @param lastModified when the item was last modified, if its model says so
 * @param notModified whether {@code If-None-Match} or {@code If-Modified-Since} says the client's
 *     copy is current: the answer is then 304
 */
public record Validators(String etag, Optional<Instant> lastModified, boolean notModified) {

    /** Adds {@code ETag} and {@code Last-Modified} to a response. */
    public Response.ResponseBuilder addTo(Response.ResponseBuilder response) {
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        lastModified.ifPresent(time -> response.header(HttpHeaders.LAST_MODIFIED, Preconditions.formatDate(time)));
        return response;
    }

    /** The 304 answer: no body, the validators. */
    public Response notModifiedResponse() {
        return addTo(Response.notModified()).build();
    }
}
