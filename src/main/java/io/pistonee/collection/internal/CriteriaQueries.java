package io.pistonee.collection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Lookup;
import io.pistonee.collection.Page;
import io.pistonee.problem.Rc;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a {@link ListQuery} on an entity with the JPA Criteria API (never JPQL strings, so no client
 * text ever reaches the query language): filters become predicates with bound parameters, the order
 * gets the id as a last key so pages are stable, and a page is an offset/limit query or a keyset query
 * after a cursor. Every query of a handler's rows takes its scope (the rows its caller may see, or
 * {@code null} for every row), so pages, counts, cursors and single reads agree on what exists.
 */
public final class CriteriaQueries {

    private CriteriaQueries() {}

    /** One page of the entities in scope that pass the query's filters. */
    public static <T> Page<T> page(
            EntityManager entityManager, Class<T> model, Scope<T> scope, ListQuery query, ObjectMapper mapper) {
        List<ListQuery.Order> order = withId(query.order(), idAttribute(entityManager, model));
        String signature = order.stream()
                .map(key -> (key.descending() ? "-" : "") + key.path())
                .collect(Collectors.joining(","));
        Cursor cursor = query.isCursor() ? Cursor.decode(query.cursor(), signature, order.size(), mapper) : null;
        // Counting reads every matching row (on PostgreSQL the whole table), so only a client that asks
        // for the total pays for it; a page knows it has a next one from the row after its last.
        Long total = query.total() ? count(entityManager, model, scope, query, mapper) : null;

        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        Bindings bindings = new Bindings(builder);
        CriteriaQuery<T> select = builder.createQuery(model);
        Root<T> root = select.from(model);
        List<Predicate> where = predicates(builder, root, query.filters(), mapper, bindings);
        scope.restrict(builder, root).ifPresent(where::add);
        boolean keyset = cursor != null && cursor.keys() != null;
        if (keyset) {
            where.add(after(builder, root, order, cursor.keys(), mapper, bindings));
        }
        select.select(root).where(where.toArray(Predicate[]::new)).orderBy(orders(builder, root, order));
        int offset = keyset ? -1 : cursor != null ? cursor.offset() : query.offset();
        TypedQuery<T> typed = bindings.bind(entityManager.createQuery(select)).setMaxResults(query.limit() + 1);
        if (offset > 0) {
            typed.setFirstResult(offset);
        }
        List<T> rows = typed.getResultList();
        boolean more = rows.size() > query.limit();
        List<T> items = more ? rows.subList(0, query.limit()) : rows;
        String next = more && query.isCursor()
                ? Cursor.encode(
                        signature,
                        keysOf(items.get(items.size() - 1), order),
                        Math.max(offset, 0) + query.limit(),
                        mapper)
                : null;
        return new Page<>(items, query, offset, total, more, next);
    }

    private static <T> long count(
            EntityManager entityManager, Class<T> model, Scope<T> scope, ListQuery query, ObjectMapper mapper) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        Bindings bindings = new Bindings(builder);
        CriteriaQuery<Long> count = builder.createQuery(Long.class);
        Root<T> root = count.from(model);
        List<Predicate> where = predicates(builder, root, query.filters(), mapper, bindings);
        scope.restrict(builder, root).ifPresent(where::add);
        count.select(builder.count(root)).where(where.toArray(Predicate[]::new));
        return bindings.bind(entityManager.createQuery(count)).getSingleResult();
    }

    /**
     * The entity whose id (or natural key {@code attribute}, when not {@code null}) is {@code id} if it
     * is in scope, else {@code null}: out of scope and missing are the same answer. By id without a
     * scope, the entity manager's own {@code find}.
     */
    public static <T> T find(EntityManager entityManager, Class<T> model, Scope<T> scope, String attribute, Object id) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> select = builder.createQuery(model);
        Root<T> root = select.from(model);
        Optional<Predicate> restriction = scope.restrict(builder, root);
        if (restriction.isEmpty() && attribute == null) {
            return entityManager.find(model, id);
        }
        Predicate key = builder.equal(root.get(attribute == null ? idAttribute(entityManager, model) : attribute), id);
        select.select(root)
                .where(restriction.map(where -> builder.and(key, where)).orElse(key));
        return entityManager
                .createQuery(select)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Every entity in scope, in id order: the query behind an unpaged stream. */
    public static <T> TypedQuery<T> all(EntityManager entityManager, Class<T> model, Scope<T> scope) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> select = builder.createQuery(model);
        Root<T> root = select.from(model);
        select.select(root).orderBy(builder.asc(root.get(idAttribute(entityManager, model))));
        scope.restrict(builder, root).ifPresent(select::where);
        return entityManager.createQuery(select);
    }

    /**
     * Every entity in scope, in id order, read in batches of {@code batch} by id (keyset: each batch
     * the rows after the last one's id), as its iterator is consumed; {@code null} when the entity's
     * id orders no such batches (a composite id, or one that is not {@link Comparable}). Each batch
     * is one bounded query, so no database materializes the whole result (H2 copies every row of an
     * open result to a temporary file first); two query objects serve every batch, bound anew.
     */
    public static <T> Iterator<T> allInBatches(EntityManager entityManager, Class<T> model, Scope<T> scope, int batch) {
        EntityType<T> entity = entityManager.getMetamodel().entity(model);
        if (!entity.hasSingleIdAttribute()
                || !Comparable.class.isAssignableFrom(entity.getIdType().getJavaType())) {
            return null;
        }
        TypedQuery<T> first = all(entityManager, model, scope).setMaxResults(batch);
        PersistenceUnitUtil ids = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
        return new Iterator<>() {
            private TypedQuery<T> next;
            private List<T> rows = List.of();
            private int index;
            private Object last;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (index < rows.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                rows = last == null
                        ? first.getResultList()
                        : afterLast().setParameter("after", last).getResultList();
                index = 0;
                done = rows.size() < batch;
                return !rows.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T row = rows.get(index);
                if (++index == rows.size()) {
                    last = ids.getIdentifier(row); // before the row is let go (detached)
                    rows = List.of();
                    index = 0;
                }
                return row;
            }

            private TypedQuery<T> afterLast() {
                if (next == null) {
                    next = CriteriaQueries.afterId(entityManager, model, entity, scope)
                            .setMaxResults(batch);
                }
                return next;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> TypedQuery<T> afterId(
            EntityManager entityManager, Class<T> model, EntityType<T> entity, Scope<T> scope) {
        Class<?> idType = entity.getIdType().getJavaType();
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> select = builder.createQuery(model);
        Root<T> root = select.from(model);
        Path<Comparable> id = root.get(entity.getId(idType).getName());
        Predicate after = builder.greaterThan(id, builder.parameter((Class<Comparable>) idType, "after"));
        select.select(root).orderBy(builder.asc(id));
        select.where(scope.restrict(builder, root)
                .map(rows -> builder.and(rows, after))
                .orElse(after));
        return entityManager.createQuery(select);
    }

    /**
     * Values bound as parameters rather than written into the query text: a query's form is the same
     * whatever the values, and the driver's statement cache can keep it.
     */
    private static final class Bindings {
        private final CriteriaBuilder builder;
        private final List<Object> values = new ArrayList<>();

        Bindings(CriteriaBuilder builder) {
            this.builder = builder;
        }

        /** A parameter of a type, to be bound to a value. */
        @SuppressWarnings("unchecked")
        <X> Expression<X> value(Class<?> type, Object value) {
            ParameterExpression<X> parameter = builder.parameter((Class<X>) type, "p" + values.size());
            values.add(value);
            return parameter;
        }

        <Q extends TypedQuery<?>> Q bind(Q query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter("p" + i, values.get(i));
            }
            return query;
        }
    }

    private static List<ListQuery.Order> withId(List<ListQuery.Order> order, String id) {
        List<ListQuery.Order> keys = new ArrayList<>(order);
        if (keys.stream().noneMatch(key -> key.path().equals(id))) {
            keys.add(new ListQuery.Order(id, id, false));
        }
        return keys;
    }

    private static String idAttribute(EntityManager entityManager, Class<?> model) {
        EntityType<?> entity = entityManager.getMetamodel().entity(model);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static List<jakarta.persistence.criteria.Order> orders(
            CriteriaBuilder builder, Root<?> root, List<ListQuery.Order> order) {
        List<jakarta.persistence.criteria.Order> orders = new ArrayList<>();
        for (ListQuery.Order key : order) {
            Path<?> path = path(root, key.path());
            orders.add(key.descending() ? builder.desc(path) : builder.asc(path));
        }
        return orders;
    }

    private static List<Predicate> predicates(
            CriteriaBuilder builder,
            Root<?> root,
            List<ListQuery.Filter> filters,
            ObjectMapper mapper,
            Bindings bindings) {
        List<Predicate> predicates = new ArrayList<>();
        for (ListQuery.Filter filter : filters) {
            predicates.add(predicate(builder, path(root, filter.path()), filter, mapper, bindings));
        }
        return predicates;
    }

    /**
     * A filter's condition: its lookup must apply to the attribute (400 otherwise), its values are
     * converted to the attribute's type (400 if they do not fit) and bound, and the lookup writes the
     * condition.
     */
    private static Predicate predicate(
            CriteriaBuilder builder, Path<?> path, ListQuery.Filter filter, ObjectMapper mapper, Bindings bindings) {
        Class<?> type = boxed(path.getJavaType());
        Lookup lookup = filter.lookup();
        String field = filter.field() + (lookup == Lookup.EXACT ? "" : "__" + lookup.suffix());
        if (lookup.applies() == Lookup.Applies.TEXT && !lookup.appliesTo(type)) {
            throw Rc.BAD_REQUEST.error("'" + field + "': " + filter.field() + " is not text.");
        }
        List<Object> values = new ArrayList<>();
        for (String value : filter.values()) {
            values.add(convert(value, type, field, mapper));
        }
        if (!lookup.appliesTo(type)) {
            throw Rc.BAD_REQUEST.error("'" + field + "': " + filter.field() + " has no order.");
        }
        List<Expression<?>> operands = new ArrayList<>();
        for (Object value : values) {
            operands.add(bindings.value(type, lookup.operand(value)));
        }
        return lookup.where(builder, path, operands);
    }

    /**
     * Items after the cursor's keys in the order: (a > x) or (a = x and b > y) or ..., and with more
     * than one key also a >= x in front: the same rows, but a bound on the first key that a database
     * uses as an index range (H2 2.2 reads a disjunction as no range at all and scans the index from
     * its start, so a cursor deep in a large table cost as much as its depth).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(
            CriteriaBuilder builder,
            Root<?> root,
            List<ListQuery.Order> order,
            List<JsonNode> keys,
            ObjectMapper mapper,
            Bindings bindings) {
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> equalSoFar = new ArrayList<>();
        Predicate bound = null;
        for (int i = 0; i < order.size(); i++) {
            ListQuery.Order key = order.get(i);
            Expression<Comparable> path = (Expression<Comparable>) path(root, key.path());
            Class<?> type = boxed(path.getJavaType());
            Expression<Comparable> value = bindings.value(type, convertKey(keys.get(i), type, mapper));
            List<Predicate> alternative = new ArrayList<>(equalSoFar);
            alternative.add(key.descending() ? builder.lessThan(path, value) : builder.greaterThan(path, value));
            alternatives.add(builder.and(alternative.toArray(Predicate[]::new)));
            equalSoFar.add(builder.equal(path, value));
            if (i == 0) {
                bound = key.descending()
                        ? builder.lessThanOrEqualTo(path, value)
                        : builder.greaterThanOrEqualTo(path, value);
            }
        }
        Predicate after = builder.or(alternatives.toArray(Predicate[]::new));
        return order.size() > 1 ? builder.and(bound, after) : after;
    }

    private static List<Object> keysOf(Object item, List<ListQuery.Order> order) {
        List<Object> keys = new ArrayList<>();
        for (ListQuery.Order key : order) {
            keys.add(PropertyPaths.read(item, key.path()));
        }
        return keys;
    }

    private static Path<?> path(Root<?> root, String dotted) {
        Path<?> path = root;
        for (String segment : dotted.split("\\.")) {
            path = path.get(segment);
        }
        return path;
    }

    private static Object convert(String value, Class<?> type, String field, ObjectMapper mapper) {
        if (type == String.class) {
            return value;
        }
        try {
            Object converted = mapper.convertValue(value, type);
            if (converted == null) {
                throw new IllegalArgumentException("empty");
            }
            return converted;
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error(
                    "'" + field + "': '" + ListQuery.shorten(value) + "' is not a valid " + describe(type) + ".");
        }
    }

    private static Object convertKey(JsonNode key, Class<?> type, ObjectMapper mapper) {
        try {
            return mapper.convertValue(key, type);
        } catch (IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("The cursor does not fit this collection: start again from the first page.");
        }
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (type.getName().startsWith("java.time.")) {
            return "ISO-8601 " + type.getSimpleName();
        }
        return type.getSimpleName();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
