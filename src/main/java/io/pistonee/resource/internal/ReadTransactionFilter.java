package io.pistonee.resource.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.emitter.Emission;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Resolution;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads that need it run in a read-only transaction that lasts until the response is written, so a
 * handler may return a JPA result stream ({@code query.getResultStream()}) and the persistence context
 * stays open while the emitter writes it, item by item. Each emitted entity is detached once written,
 * so memory stays flat however many rows stream; the stream is closed and the transaction rolled back
 * at the end (a read commits nothing).
 *
 * <p>Which reads need it ({@code piston.read-transaction=auto}, the default): those whose handler
 * method may return a one-pass result (its declared type is a stream, an iterator, or a type that may
 * hold one, such as {@code Object}; see {@link HandlerDescriptor#streams}), and, unless EclipseLink is
 * the only persistence provider, every read whose result may load more as it is shaped: EclipseLink
 * loads an entity's lazy relations after its persistence context has ended, Hibernate does not. A
 * read that returns an entity or a list runs without one on EclipseLink, and on Hibernate too when
 * the entity loads whole (no lazy attribute, nor in what it loads with it: {@link
 * HandlerDescriptor#loadsWhole}), as hand-written JAX-RS would: beginning and rolling back a JTA
 * transaction was a tenth of the cost of a small {@code GET} on Payara, and on WildFly. With
 * {@code piston.read-transaction=always} every read runs in one.
 *
 * <p>Opened after routing (and authentication, authorization, throttling) for {@code GET} and
 * {@code HEAD} on the generic resource, when no transaction is active; ended after the entity is
 * written, or in the response filter when there is none to write. A {@code HEAD} response drops its
 * entity there (keeping its headers), so no result is computed only to be thrown away.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class ReadTransactionFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(ReadTransactionFilter.class.getName());
    private static final String OPEN = ReadTransactionFilter.class.getName() + ".open";

    /**
     * The container's transaction, injected once as a resource: CDI's built-in {@code UserTransaction}
     * bean looks it up in JNDI on every call, three times per read.
     */
    @Resource
    UserTransaction transaction;

    @Context
    ResourceInfo resource;

    @Inject
    Resolution resolution;

    @Inject
    PistonConfig config;

    /** Whether entities read outside a transaction still load their lazy relations (EclipseLink). */
    private final boolean lazyLoadingOutlivesContext = onlyEclipseLink();

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!PistonResource.serves(resource)
                || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                || !needsTransaction()) {
            return;
        }
        try {
            if (transaction.getStatus() == Status.STATUS_NO_TRANSACTION) {
                transaction.begin();
                request.setProperty(OPEN, Boolean.TRUE);
            }
        } catch (jakarta.transaction.NotSupportedException | SystemException e) {
            throw new IllegalStateException("A read transaction could not begin", e);
        }
    }

    private boolean needsTransaction() {
        return config.readTransactionAlways()
                || !resolution.resolved()
                || resolution.serving().streams(resolution.operation())
                || !(lazyLoadingOutlivesContext || resolution.serving().loadsWhole(resolution.operation()));
    }

    /** Whether EclipseLink is the only persistence provider the application sees. */
    static boolean onlyEclipseLink() {
        try {
            List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                    .getPersistenceProviders();
            return !providers.isEmpty()
                    && providers.stream()
                            .allMatch(provider -> provider.getClass().getName().startsWith("org.eclipse.persistence."));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.HEAD.equals(request.getMethod()) && response.hasEntity()) {
            // No body is sent: end here rather than have the platform write (and drop) a whole result.
            MediaType type = response.getMediaType();
            Object entity = response.getEntity();
            response.setEntity(null);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
            end(request.getProperty(OPEN), entity);
            request.removeProperty(OPEN);
        } else if (!response.hasEntity()) {
            end(request.getProperty(OPEN), null);
            request.removeProperty(OPEN);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            end(context.getProperty(OPEN), context.getEntity());
            context.removeProperty(OPEN);
        }
    }

    private void end(Object open, Object entity) {
        if (entity instanceof Emission emission && emission.value() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "A result stream could not be closed", e);
            }
        }
        if (open == null) {
            return;
        }
        try {
            transaction.rollback();
        } catch (IllegalStateException | SecurityException | SystemException e) {
            LOG.log(Level.WARNING, "A read transaction could not be ended", e);
        }
    }
}
