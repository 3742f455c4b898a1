package io.pistonee.emitter.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client that closes the connection while its response is written (a dropped export, a download
 * cancelled) is no server error. The write to the container's stream fails; what the emitter held
 * is let go as the failure unwinds (an export's cursor, transaction and connection, in
 * {@code ReadTransactionFilter}); and here it ends the response with a line at FINE instead of
 * reaching the JAX-RS runtime, which logs it at SEVERE with a stack trace (Jersey, on Payara).
 *
 * <p>Only a failure of the connection itself counts ({@link DepartedClientFilter} marks it); an
 * exception an emitter raises for any other reason goes on as before. Outermost of the writer
 * interceptors, so it sees every other one's failure.
 */
@Provider
@ApplicationScoped
@Priority(100)
public class DepartedClients implements WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(DepartedClients.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            Object failure = request.getAttribute(DepartedClientFilter.FAILURE);
            if (failure == null) {
                throw e;
            }
            LOG.log(Level.FINE, "The client closed the connection while the response was written: {0}", failure);
        }
    }
}
