package io.pistonee.collection.internal;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Optional;

/**
 * The rows of a model a caller may see, as a Criteria condition on the query's root: a model
 * handler's {@code scope(builder, root)}. {@code null} means every row.
 *
 * @param <T> the entity
 */
@FunctionalInterface
public interface Scope<T> {

    /** The condition for this query's root, or {@code null} for every row. */
    Predicate where(CriteriaBuilder builder, Root<T> root);

    /** The condition, if there is one. */
    default Optional<Predicate> restrict(CriteriaBuilder builder, Root<T> root) {
        return Optional.ofNullable(where(builder, root));
    }

    /** Every row. */
    static <T> Scope<T> everyRow() {
        return (builder, root) -> null;
    }
}
