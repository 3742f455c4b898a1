package io.pistonee.emitter.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;

/** Every response depends on {@code Accept} and {@code Authorization}: say so, for caches. */
@Provider
@ApplicationScoped
public class VaryFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String vary = response.getHeaderString(HttpHeaders.VARY);
        StringBuilder value = new StringBuilder(vary == null ? "" : vary.strip());
        for (String name : List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION)) {
            if (Arrays.stream(value.toString().split(","))
                    .noneMatch(n -> n.strip().equalsIgnoreCase(name))) {
                value.append(value.length() == 0 ? "" : ", ").append(name);
            }
        }
        response.getHeaders().putSingle(HttpHeaders.VARY, value.toString());
    }
}
