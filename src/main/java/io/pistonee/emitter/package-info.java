/**
 * Emitters: the formats a handler's result is written in. An emitter <em>is</em> a JAX-RS
 * {@code MessageBodyWriter} of {@link io.pistonee.emitter.Emission}, and a CDI bean.
 *
 * <p>The format is chosen before any other JAX-RS step ({@code FormatFilter}):
 * {@code ?format=X} wins over {@code Accept}, which is read with q-values and wildcards; nothing
 * asked means JSON. A request no emitter can satisfy answers 406 before any handler runs, so a POST
 * that asks for an unknown format creates nothing. Emitters write shaped trees, never raw objects,
 * so field rules are the same in every format; collections are written item by item.
 *
 * <p>Errors are written here too, because they follow the same choice of format: the
 * {@code ProblemMapper} turns every exception into a problem of
 * {@link io.pistonee.problem}, and the {@code ProblemWriter} writes each problem,
 * inside JAX-RS or in the servlet container before it (authentication, the error page). This package
 * depends on {@code problem}; {@code problem} depends on no format.
 */
package io.pistonee.emitter;
