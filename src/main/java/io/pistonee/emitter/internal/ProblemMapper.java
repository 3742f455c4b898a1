package io.pistonee.emitter.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.edge.internal.RequestIds;
import io.pistonee.emitter.Emitter;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.problem.internal.PersistenceFailures;
import io.pistonee.validation.internal.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pipeline step "errors": every exception becomes an RFC 9457 problem, written by the
 * {@link ProblemWriter} in the negotiated format where it can carry one, else as
 * {@code application/problem+json}.
 *
 * <ul>
 *   <li>{@link ProblemException} (what {@link Rc#error} throws): its problem and headers;</li>
 *   <li>Bean Validation's {@code ConstraintViolationException}: 400 with every field error;</li>
 *   <li>JAX-RS exceptions (the platform's 404, 405, 415...): their status, with {@code Allow},
 *       {@code WWW-Authenticate} and {@code Retry-After} kept;</li>
 *   <li>persistence failures: 404, 409, 412 or 503 with {@code Retry-After} (see
 *       {@code PersistenceFailures}); a 503 is logged once, at WARNING, with its cause;</li>
 *   <li>anything else: 500, with a detail that says nothing of the cause and an {@code incident} id;
 *       the exception is logged with that id, once, at SEVERE.</li>
 * </ul>
 * Every 5xx problem's {@code incident} is the request's id, its {@code X-Request-Id}.
 * A 4xx is never logged: it is the client's to handle, and a hostile client must not fill the log.
 * Causes are searched, so a problem thrown inside a transaction or a CDI interceptor is still itself.
 */
@Provider
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final String INCIDENT = "incident";
    private static final List<String> KEPT_HEADERS =
            List.of("Allow", "WWW-Authenticate", "Retry-After", "Accept-Post", "Accept-Patch");

    @Inject
    PistonConfig config;

    @Inject
    SelectedFormat format;

    @Inject
    ProblemWriter writer;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        String incident = incident();
        return writer.response(withIncident(problemOf(exception, incident), incident), instance(), selected());
    }

    /** The problem an exception is answered with. */
    ProblemException problemOf(Throwable exception) {
        return problemOf(exception, incident());
    }

    private ProblemException problemOf(Throwable exception, String incident) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause instanceof ConstraintViolationException violations) {
                return new ProblemException(Violations.problem(
                        violations.getConstraintViolations(),
                        config.mapper().getSerializationConfig().getPropertyNamingStrategy()));
            }
            if (cause instanceof WebApplicationException web) {
                Response response = web.getResponse();
                return response.getStatus() < 500 ? fromPlatform(response) : unexpected(exception, response, incident);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        ProblemException persistence =
                PersistenceFailures.of(exception, ifMatchSent(), config.unavailableRetryAfterSeconds());
        if (persistence == null) {
            return unexpected(exception, Response.serverError().build(), incident);
        }
        if (persistence.problem().status() >= 500) {
            // The client is told to retry; the operator needs the cause, once. A conflict (409, 412)
            // or a missing row (404) is the client's to handle and is not logged.
            LOG.log(
                    Level.WARNING,
                    "The database could not serve a request (answered "
                            + persistence.problem().status() + ")",
                    exception);
        }
        return persistence;
    }

    private static ProblemException fromPlatform(Response platform) {
        int status = platform.getStatus();
        return new ProblemException(Problem.of(status, platformDetail(status)), keptHeaders(platform));
    }

    /**
     * The problem for a status the platform (the JAX-RS runtime, the servlet container) answered
     * without saying more: a fixed detail for a client error; for a server error, an incident id
     * logged with the cause, if any.
     */
    static Problem platformProblem(int status, Throwable cause, String incident) {
        if (status < 500) {
            return Problem.of(status, platformDetail(status));
        }
        return unexpected(cause, Response.status(status).build(), incident).problem();
    }

    /** A server error's problem names the request's id as its incident, unless it names one already. */
    public static ProblemException withIncident(ProblemException problem, String incident) {
        if (problem.problem().status() < 500 || problem.problem().toMap().containsKey(INCIDENT)) {
            return problem;
        }
        return new ProblemException(problem.problem().with(INCIDENT, incident), problem.headers());
    }

    private static Map<String, String> keptHeaders(Response platform) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = platform.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String platformDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the acceptable types can be produced.";
            case 415 -> "This content type is not accepted here.";
            default -> Rc.phrase(status) + ".";
        };
    }

    /**
     * A server-side failure: logged with its incident id (the request's id); the client sees the
     * status and the id only.
     */
    private static ProblemException unexpected(Throwable exception, Response platform, String incident) {
        LOG.log(
                Level.SEVERE,
                "Unexpected error, incident " + incident + (exception == null ? " (no exception)" : ""),
                exception);
        String detail = "The server could not complete the request. Quote incident " + incident + " when reporting it.";
        return new ProblemException(
                Problem.of(platform.getStatus(), detail).with(INCIDENT, incident), keptHeaders(platform));
    }

    /** The emitter {@link FormatFilter} selected, or {@code null} if it has not (or refused the request). */
    private Emitter selected() {
        try {
            return format.emitter();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The request's id ({@code X-Request-Id}), which names a server error's incident. */
    private String incident() {
        try {
            return RequestIds.current(request);
        } catch (RuntimeException e) {
            return RequestIds.of(null);
        }
    }

    private boolean ifMatchSent() {
        try {
            return headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String instance() {
        try {
            return uri.getAbsolutePath().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
