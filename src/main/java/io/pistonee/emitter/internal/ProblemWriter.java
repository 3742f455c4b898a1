package io.pistonee.emitter.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.edge.internal.Edge;
import io.pistonee.emitter.Emission;
import io.pistonee.emitter.Emitter;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes problems: the one place an RFC 9457 problem becomes a response, in the selected format where
 * that format carries problems (JSON, YAML, XML: its {@link Emitter#problemType()}), else, and when no
 * format could be selected, as {@code application/problem+json}.
 *
 * <p>Inside JAX-RS the format is the one {@link FormatFilter} selected ({@link #response}). Outside it
 * (the authentication mechanism, which the container runs before JAX-RS, and the error page) the
 * servlet request selects it by the same rules ({@link #write}): {@code ?format=} (given once), else a
 * {@code .X} suffix of the path that names a format, else {@code Accept}. Problems are never wrapped
 * in a JSONP callback.
 */
@ApplicationScoped
public class ProblemWriter {

    static final MediaType JSON_PROBLEM = new MediaType("application", "problem+json");

    @Inject
    @Any
    Instance<Emitter> emitters;

    @Inject
    PistonConfig config;

    @Inject
    Edge edge;

    Negotiation negotiation;

    @PostConstruct
    void init() {
        negotiation = new Negotiation(emitters.stream().toList());
    }

    /** The JAX-RS response for a problem, written by the emitter of its type; {@code selected} may be null. */
    public Response response(ProblemException problem, String instance, Emitter selected) {
        Response.ResponseBuilder response = Response.status(problem.problem().status())
                .entity(emission(problem.problem().at(instance)))
                .type(problemType(selected));
        problem.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Writes a problem, whose {@code instance} is the request's path, to a servlet response in the format
     * the request selects, with the problem's headers and {@code Vary}, and commits the response.
     */
    public void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Emitter selected = select(request.getQueryString(), problem.problem().instance(), accept(request));
        MediaType type = problemType(selected);
        byte[] body = body(problem.problem(), type);
        response.setStatus(problem.problem().status());
        problem.headers().forEach(response::setHeader);
        response.setHeader(HttpHeaders.VARY, "Accept, Authorization");
        edge.decorate(request, response);
        response.setContentType(type.getType() + "/" + type.getSubtype());
        if (!"HEAD".equals(request.getMethod())) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /**
     * The emitter a request outside JAX-RS selects, or {@code null} (then the problem is JSON, as for a
     * request {@link FormatFilter} refused).
     *
     * @param query the raw query string, or {@code null}
     * @param path the request's path, whose last segment may end in {@code .X}
     * @param accept the {@code Accept} header, or {@code null}
     */
    Emitter select(String query, String path, String accept) {
        try {
            String format = FormatFilter.only(parameter(query, FormatFilter.FORMAT), FormatFilter.FORMAT);
            if (format == null && path != null) {
                String suffix = Negotiation.suffix(path);
                format = suffix != null && negotiation.knows(suffix) ? suffix : null;
            }
            return negotiation
                    .choose(format, accept)
                    .map(Negotiation.Choice::emitter)
                    .orElse(null);
        } catch (ProblemException ambiguous) {
            return null;
        }
    }

    /** A problem's body as the emitter of a problem type writes it. */
    byte[] body(Problem problem, MediaType type) throws IOException {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writerOf(type).emit(emission(problem), type, headers, out);
        return out.toByteArray();
    }

    /** The type a problem is written as when an emitter was selected ({@code null}: none was). */
    static MediaType problemType(Emitter selected) {
        MediaType type = selected == null ? null : selected.problemType();
        return type == null ? JSON_PROBLEM : type;
    }

    private Emitter writerOf(MediaType problemType) {
        return negotiation.emitters().stream()
                .filter(emitter -> problemType.equals(emitter.problemType()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No emitter writes " + problemType.getSubtype()));
    }

    private Emission emission(Problem problem) {
        return new Emission(problem.toMap(), config.mapper()::valueToTree);
    }

    /** All {@code Accept} headers as one, as JAX-RS reads them. */
    private static String accept(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /**
     * The decoded values of a query parameter, from the query string alone: the servlet's own
     * parameters would read a form body the application has yet to parse.
     */
    static List<String> parameter(String query, String name) {
        List<String> values = new ArrayList<>();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    values.add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed escape names no parameter the framework reads.
            }
        }
        return values;
    }
}
