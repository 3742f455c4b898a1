package io.pistonee.handler.internal;

import io.pistonee.handler.Handler;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;

/**
 * What a model handler's mount means for its rows: items looked up by a natural key
 * ({@link Handler#key()}) rather than the id, and, under a parent item ({@link Handler#parent()}),
 * only the rows whose parent attribute is that item: a condition the model handler adds to its scope,
 * so a list holds only them (its counts, sorts and cursors too), an item outside them is not there,
 * and a create is tied to the parent.
 *
 * @param key the natural key attribute, or {@code null} for the id
 * @param parent the attribute referring to the parent item, or {@code null}
 */
public record ModelRoute(String key, String parent) {

    /** The mount a model handler class declares (a CDI proxy's superclass declares it). */
    public static ModelRoute of(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Handler handler = c.getAnnotation(Handler.class);
            if (handler != null) {
                return new ModelRoute(blankToNull(handler.key()), blankToNull(handler.parent()));
            }
        }
        return new ModelRoute(null, null);
    }

    /** Whether items are looked up by something else than the id alone: a natural key or a parent. */
    public boolean narrows() {
        return key != null || parent != null;
    }

    /**
     * The condition that keeps a query to the parent item's rows ({@code null} without a parent): the
     * parent attribute's id equal to the parent item's.
     */
    public Predicate where(EntityManager entityManager, CriteriaBuilder builder, Root<?> root, Object parentItem) {
        if (parent == null || parentItem == null) {
            return null;
        }
        String idName = idName(referred(entityManager, root.getJavaType()));
        return builder.equal(root.get(parent).get(idName), idOf(entityManager, parentItem));
    }

    /** Ties a new item to the parent item, as the persistence context knows it. */
    public void attach(EntityManager entityManager, Class<?> model, Object input, Object parentItem) {
        if (parent == null || parentItem == null) {
            return;
        }
        Class<?> type = referred(entityManager, model).getJavaType();
        Attributes.write(input, parent, entityManager.find(type, idOf(entityManager, parentItem)));
    }

    /** The entity the parent attribute refers to. */
    private EntityType<?> referred(EntityManager entityManager, Class<?> model) {
        return (EntityType<?>) entityManager
                .getMetamodel()
                .entity(model)
                .getSingularAttribute(parent)
                .getType();
    }

    private static String idName(EntityType<?> entity) {
        SingularAttribute<?, ?> id = entity.getId(entity.getIdType().getJavaType());
        return id.getName();
    }

    private static Object idOf(EntityManager entityManager, Object entity) {
        return entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
