package io.pistonee.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's MicroProfile Health endpoints: at the root of Payara Micro's HTTP listener
 * ({@code it.server.url}), on WildFly's management interface ({@code it.management.url}, which the
 * WildFly execution sets).
 */
final class Health {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Health() {}

    /** {@code GET /health/ready}. */
    static HttpResponse<String> ready() {
        return get("health/ready");
    }

    /** {@code GET /health/live}. */
    static HttpResponse<String> live() {
        return get("health/live");
    }

    /** The status of a named check in a health answer, if the answer lists it. */
    static Optional<String> check(HttpResponse<String> answer, String name) {
        for (JsonNode check : Http.json(answer).path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return Optional.of(check.path("status").asText());
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> get(String path) {
        String root = System.getProperty("it.management.url", System.getProperty("it.server.url"));
        if (root == null) {
            throw new IllegalStateException("it.server.url is not set: run the ITs through Maven (failsafe)");
        }
        URI uri = URI.create(root.endsWith("/") ? root : root + "/").resolve(path);
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
