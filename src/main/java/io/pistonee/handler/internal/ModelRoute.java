package io.pistonee.handler.internal;

import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Lookup;
import io.pistonee.handler.Handler;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model handler's mount means for its rows: items looked up by a natural key
 * ({@link Handler#key()}) rather than the id, and, under a parent item ({@link Handler#parent()}),
 * only the rows whose parent attribute is that item: a list is filtered to them (so its counts,
 * sorts and cursors are too), an item outside them is not there, and a create is tied to the parent.
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

    /** The item with this id (or key), or {@code null}; under a parent only one of the parent's. */
    public <T> T find(EntityManager entityManager, Class<T> model, Object id, Object parentItem) {
        T found = key == null ? entityManager.find(model, id) : byKey(entityManager, model, id);
        return found == null || !holds(entityManager, found, parentItem) ? null : found;
    }

    private <T> T byKey(EntityManager entityManager, Class<T> model, Object id) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> query = builder.createQuery(model);
        Root<T> root = query.from(model);
        query.select(root).where(builder.equal(root.get(key), id));
        return entityManager
                .createQuery(query)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Whether an item is one of the parent item's rows (always, without a parent). */
    public boolean holds(EntityManager entityManager, Object item, Object parentItem) {
        if (parent == null || parentItem == null) {
            return true;
        }
        Object referred = Attributes.read(item, parent);
        return referred != null && Objects.equals(idOf(entityManager, referred), idOf(entityManager, parentItem));
    }

    /** The query restricted to the parent item's rows: one more filter, on the parent's id. */
    public ListQuery within(EntityManager entityManager, Class<?> model, ListQuery query, Object parentItem) {
        if (parent == null || parentItem == null) {
            return query;
        }
        List<ListQuery.Filter> filters = new ArrayList<>(query.filters());
        filters.add(new ListQuery.Filter(
                parent,
                parent + "." + idName(referred(entityManager, model)),
                Lookup.EXACT,
                List.of(String.valueOf(idOf(entityManager, parentItem)))));
        return new ListQuery(query.limit(), query.offset(), query.cursor(), filters, query.order(), query.total());
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
