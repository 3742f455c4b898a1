package io.pistonee.conditional.internal;

/**
 * A check of the item a write is about to change, run inside the write's transaction so that the
 * state it checks is the state that is changed ({@code If-Match}, {@code If-Unmodified-Since}).
 */
@FunctionalInterface
public interface Precondition {

    /** No condition. */
    Precondition NONE = current -> {};

    /**
     * Throws a problem when the condition does not hold.
     *
     * @param current the item as read now, or {@code null} if there is none
     */
    void check(Object current);
}
