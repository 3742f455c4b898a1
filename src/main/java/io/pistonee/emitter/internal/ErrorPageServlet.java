package io.pistonee.emitter.internal;

import io.pistonee.edge.internal.RequestIds;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet container's error page: what the container answers itself is an RFC 9457 problem too,
 * never the server's own HTML page (which names the server).
 *
 * <p>Problems of the API are mapped by {@link ProblemMapper}; this page serves what never reaches
 * it, in the format the request asks for ({@link ProblemWriter}): a path outside {@code /api}
 * ({@code GET /nothing}), a request the container refuses before routing, a bare status the JAX-RS
 * runtime sends. What the runtime would refuse in its own way before this page could help (a
 * {@code Content-Type} that is not a media type, {@code TRACE}) is {@link RefusalFilter}'s. The
 * framework jar's {@code META-INF/web-fragment.xml} names it as the default error
 * page, so every WAR that has the jar gets it:
 *
 * <pre>{@code
 * <error-page>
 *   <location>/error</location>
 * </error-page>
 * }</pre>
 *
 * Asked for directly, it answers 404.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProblemWriter writer;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = ProblemMapper.platformProblem(status, cause, RequestIds.current(request))
                .at(uri instanceof String path ? path : request.getRequestURI());
        writer.write(new ProblemException(problem), request, response);
    }
}
