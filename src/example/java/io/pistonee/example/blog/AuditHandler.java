package io.pistonee.example.blog;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * {@code /api/audit}: the newest 100 lines of the audit log {@link AuditLog} keeps. Read-only: it
 * implements nothing else, so writes answer 405. Admins only: the log names who wrote what, which an
 * anonymous reader of a post never sees; without credentials the answer is 401, for an author 403.
 */
@RolesAllowed("admin")
@Handler(value = "audit", fields = "id, action, resource, item_id, done_by, done_on")
public class AuditHandler implements ListOperation {

    @PersistenceContext
    EntityManager entityManager;

    @Override
    public List<AuditEntry> list() {
        return entityManager
                .createQuery("select a from AuditEntry a order by a.id desc", AuditEntry.class)
                .setMaxResults(100)
                .getResultList();
    }
}
