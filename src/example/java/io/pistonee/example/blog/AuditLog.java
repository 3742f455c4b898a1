package io.pistonee.example.blog;

import io.pistonee.handler.Lifecycle;
import io.pistonee.handler.ResourceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Keeps the audit log through the framework's lifecycle events: every create, update and delete,
 * written in the same transaction as the change, so the log never records a write that rolled back
 * and never misses one that committed.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    SecurityContext security;

    void created(@Observes @Lifecycle(Lifecycle.Phase.AFTER_CREATE) ResourceEvent event) {
        record(event);
    }

    void updated(@Observes @Lifecycle(Lifecycle.Phase.AFTER_UPDATE) ResourceEvent event) {
        record(event);
    }

    void deleted(@Observes @Lifecycle(Lifecycle.Phase.AFTER_DELETE) ResourceEvent event) {
        record(event);
    }

    private void record(ResourceEvent event) {
        String action = event.phase().name().substring("AFTER_".length()).toLowerCase(Locale.ROOT);
        entityManager.persist(new AuditEntry(
                action,
                event.resource(),
                event.id() == null ? null : String.valueOf(event.id()),
                who(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * The caller's name, from Jakarta Security (on WildFly the CDI {@code Principal} bean does not see
     * the application's authentication mechanism; {@code SecurityContext} does, on every server).
     */
    private String who() {
        try {
            Principal caller = security.getCallerPrincipal();
            String name = caller == null ? null : caller.getName();
            return name == null || name.isBlank() || name.equalsIgnoreCase("anonymous") ? "anonymous" : name;
        } catch (RuntimeException e) {
            return "anonymous";
        }
    }
}
