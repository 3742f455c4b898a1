package io.pistonee.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * The server's floor, at {@code /bench/floor}: a constant small JSON object, no database, no
 * framework. What a request costs here is what the server (HTTP, JAX-RS, CDI, security) spends on any
 * request, so the benchmark can say how much of each endpoint's CPU is the server's own.
 */
@Path("floor")
@ApplicationScoped
public class FloorResource {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] floor() {
        return BODY;
    }
}
