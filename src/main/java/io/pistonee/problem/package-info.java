/**
 * Errors and status codes: RFC 9457 problem details, Piston's {@code rc} vocabulary as
 * {@link io.pistonee.problem.Rc}, and the one exception mapper that renders everything.
 *
 * <p>Errors are exceptions, rendered once. A handler throws ({@code throw Rc.NOT_FOUND.error("...")})
 * and never builds an error {@code Response}; {@link io.pistonee.problem.ProblemMapper} turns every
 * exception, the platform's included, into a problem. An exception it does not know becomes a 500
 * whose detail says nothing of the cause; the cause goes to the server log with the incident id the
 * client sees.
 */
package io.pistonee.problem;
