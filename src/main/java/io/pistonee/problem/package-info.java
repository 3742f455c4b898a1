/**
 * Errors and status codes: RFC 9457 problem details, Piston's {@code rc} vocabulary as
 * {@link io.pistonee.problem.Rc}, and what a failed database operation means to the client.
 *
 * <p>Errors are exceptions, rendered once. A handler throws ({@code throw Rc.NOT_FOUND.error("...")})
 * and never builds an error {@code Response}; the exception mapper and the problem writer (both in
 * {@code io.pistonee.emitter}, where formats are chosen) turn every exception, the platform's
 * included, into a problem in the negotiated format. This package knows no format and no request: it
 * depends on no other package of the framework.
 */
package io.pistonee.problem;
