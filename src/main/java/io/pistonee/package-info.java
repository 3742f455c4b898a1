/**
 * Piston EE: django-piston's Resource, Handler and Emitter on Jakarta EE 10 and MicroProfile.
 *
 * <p>A <em>handler</em> ({@link io.pistonee.handler.Handler}) says what can be done with a resource;
 * the one generic JAX-RS resource ({@code PistonResource}) exposes every handler
 * at {@code /api/{name}} and {@code /api/{name}/{id}}; an <em>emitter</em>
 * ({@link io.pistonee.emitter.Emitter}) writes what the handler returned in the format the client
 * asked for.
 *
 * <p>One package per concept. A concept's package holds what applications use (annotations,
 * operation interfaces, SPIs, the vocabulary of results and errors); its {@code internal}
 * sub-package holds the rest, which may change in any release. Dependencies point one way: the
 * generic resource calls the concepts, problems depend on nothing but configuration, no two concepts
 * need each other ({@code ArchitectureTest} keeps these rules).
 *
 * <h2>The request pipeline</h2>
 * Every request passes these steps in this order; each step lives in one place (the user's guide:
 * {@code docs/pipeline.md}).
 * <ol>
 *   <li><b>Authentication</b> ({@code PistonAuthenticationMechanism}, Jakarta
 *       Security, run by the container before any JAX-RS filter): HTTP Basic against the identity
 *       store or a bearer JWT verified by the server's MicroProfile JWT; no credentials means
 *       anonymous, bad ones answer 401, too many failed logins 429, each a problem in the format the
 *       request asks for, read from the servlet request by the rules of the next step.</li>
 *   <li><b>Format selection</b> ({@code FormatFilter}, pre-matching):
 *       {@code ?format=X} or {@code Accept} picks an emitter; none acceptable answers 406 before any
 *       handler runs.</li>
 *   <li><b>Handler resolution</b> ({@code RoutingFilter}): the path, matched against the route
 *       table of names and templates, selects a {@code HandlerDescriptor}; an unknown path answers 404, an
 *       operation the handler does not provide answers 405 with {@code Allow}, an unreadable body
 *       type answers 415, all before the body is read. An anonymous caller is served by the handler's
 *       anonymous twin when the twin provides the operation.</li>
 *   <li><b>Authorization</b> ({@code AuthorizationFilter}): roles per handler
 *       and per operation; 401 with challenges when not authenticated, 403 when not allowed.</li>
 *   <li><b>Throttling</b> ({@code ThrottleFilter}): a throttled operation
 *       counts the caller's request and answers 429 with {@code Retry-After} once the budget is
 *       spent. Then a templated path's parents are read through their handlers ({@code ParentFilter}:
 *       404 when missing).</li>
 *   <li><b>Parsing and validation</b> ({@link io.pistonee.parser}): the body becomes request data
 *       (400 if malformed, 413 if too large), is bound to the handler's input type and validated
 *       with Bean Validation (400 with every field error); a collection query is parsed against the
 *       handler's {@link io.pistonee.collection.Listing} (400); a write without a required
 *       {@code If-Match} answers 428.</li>
 *   <li><b>Conditional checks and invocation</b> ({@code Dispatcher}): writes
 *       run in a transaction, in which {@code If-Match} is checked against the item as it is (412,
 *       {@link io.pistonee.conditional}),
 *       then the {@code BEFORE_*} lifecycle event, the handler, the {@code AFTER_*} event; reads
 *       run in a read-only one ({@code ReadTransactionFilter}) that lasts
 *       until the response is written, so results stream from the database.</li>
 *   <li><b>Shaping</b> ({@link io.pistonee.fields}): the handler's field spec picks what is
 *       emitted, with computed fields and {@code resource_uri}; {@code ETag} and
 *       {@code Last-Modified} are set, and a current {@code If-None-Match} answers 304
 *       ({@code Conditions}).</li>
 *   <li><b>Emitting</b> ({@link io.pistonee.emitter}): the selected {@code MessageBodyWriter} writes
 *       the result; collections are written item by item.</li>
 *   <li><b>Errors</b> ({@code ProblemMapper}, the problems of
 *       {@link io.pistonee.problem}): every exception becomes an RFC 9457 problem in the negotiated
 *       format, written by the one {@code ProblemWriter} that also writes
 *       authentication's and the error page's; no stack trace reaches a client.</li>
 * </ol>
 */
package io.pistonee;
