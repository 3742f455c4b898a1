/**
 * Request parsing: Piston's "mimer", as JAX-RS {@code MessageBodyReader}s.
 *
 * <p>A {@link io.pistonee.parser.Parser} turns a body into {@link io.pistonee.parser.RequestData}, a
 * format-neutral tree; the {@code Binder} binds that tree to the handler's input
 * type and validates it with Bean Validation. Splitting the two means every format binds and
 * validates by the same rules, and a body is never bound straight into a type the handler did not
 * ask for. Bodies larger than {@code piston.max-body-bytes} answer 413; malformed ones 400; a
 * content type no parser reads 415. Nothing here ever deserializes pickle or Java serialization.
 */
package io.pistonee.parser;
