package io.pistonee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for black-box tests: sends real requests, returns real responses. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the default h2c upgrade with a large body hangs when the server answers 413 early. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final String[] defaults;

    /** A client for the API of a deployment at {@code base}. */
    public Http(URL base) {
        this(
                URI.create(base.toString().endsWith("/") ? base.toString() : base + "/")
                        .resolve("api/"),
                new String[0]);
    }

    private Http(URI base, String[] defaults) {
        this.base = base;
        this.defaults = defaults;
    }

    /** The same client, sending HTTP Basic credentials with every request. */
    public Http as(String user, String password) {
        return with("Authorization", basic(user, password));
    }

    /** The same client, sending this header with every request. */
    public Http with(String name, String value) {
        String[] all = java.util.Arrays.copyOf(defaults, defaults.length + 2);
        all[defaults.length] = name;
        all[defaults.length + 1] = value;
        return new Http(base, all);
    }

    /** An {@code Authorization} value for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, withJson(headers));
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send("PUT", path, json, withJson(headers));
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method, with an optional body and header name/value pairs. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        return exchange(
                method,
                path,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                HttpResponse.BodyHandlers.ofString(),
                headers);
    }

    /** Any method with a body of bytes, sent as they are (not necessarily text), and header name/value pairs. */
    public HttpResponse<String> sendBytes(String method, String path, byte[] body, String... headers) {
        return exchange(
                method,
                path,
                HttpRequest.BodyPublishers.ofByteArray(body),
                HttpResponse.BodyHandlers.ofString(),
                headers);
    }

    /** The OAuth password grant for a user, asked for by the example's client ({@code example-client}). */
    public HttpResponse<String> passwordGrant(String user, String password) {
        return send(
                "POST",
                "oauth/token",
                "grant_type=password&username=" + user + "&password=" + password,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Authorization",
                basic("example-client", "example-secret"));
    }

    /** A GET answered as bytes (for binary formats such as pickle). */
    public HttpResponse<byte[]> bytes(String path, String... headers) {
        return exchange(
                "GET", path, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private <T> HttpResponse<T> exchange(
            String method,
            String path,
            HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> answer,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i + 1 < defaults.length; i += 2) {
            request.header(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<T> response = CLIENT.send(request.build(), answer);
            Exchanges.record(method, response, Duration.ofNanos(System.nanoTime() - start));
            return response;
        } catch (IOException e) {
            Exchanges.failed(method, uri(path).toString(), e, Duration.ofNanos(System.nanoTime() - start));
            throw new UncheckedIOException(method + " " + uri(path) + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** The body parsed as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** A text parsed as JSON. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String[] withJson(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return all;
    }
}
