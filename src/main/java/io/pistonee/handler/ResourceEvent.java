package io.pistonee.handler;

/**
 * A CDI event fired around every write a handler performs through the API: before and after create,
 * update (PUT and PATCH) and delete, qualified with its {@link Lifecycle} phase.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AuditLog {
 *     @PersistenceContext EntityManager entityManager;
 *
 *     void record(@Observes @Lifecycle(Lifecycle.Phase.AFTER_CREATE) ResourceEvent event) {
 *         entityManager.persist(new AuditEntry("create", event.resource(), event.id()));
 *     }
 * }
 * }</pre>
 *
 * Observers run synchronously inside the write's transaction: what they write commits or rolls back
 * with it, and an exception thrown by an observer (such as {@code Rc.FORBIDDEN.error(...)}) aborts the
 * write and is answered like any other. Observe with {@code during = TransactionPhase.AFTER_SUCCESS}
 * to act only once the write has committed.
 *
 * @param phase when
 * @param resource the handler's name ({@code posts})
 * @param id the item's id; {@code null} before a create
 * @param item before create and update, the bound input; after them, what the handler returned;
 *     around delete, the item as read before deleting it ({@code null} if the handler cannot read)
 */
public record ResourceEvent(Lifecycle.Phase phase, String resource, Object id, Object item) {}
