/**
 * A WAR of its own for {@code ScopedStreamIT}: a model handler whose rows are scoped to the caller
 * ({@link io.pistonee.it.scoped.MemoHandler}), its unpaged stream served by another handler, and two
 * users.
 */
package io.pistonee.it.scoped;
