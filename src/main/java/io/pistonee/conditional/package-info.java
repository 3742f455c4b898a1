/**
 * Conditional requests (RFC 9110 §13): entity tags, {@code Last-Modified}, 304, 412 and 428, with
 * one call per kind of operation ({@code Conditions}).
 *
 * <p>Decisions: a tag is {@code "<state>-<variant>"}: the state is an item's JPA {@code @Version}
 * (free, and it changes exactly when the row does) or a hash of its shape; the variant part keeps
 * every representation's tag distinct (anonymous or authenticated shape, format, {@code ?fields=},
 * JSONP). Reads compare whole tags; writes compare the state part only, inside the write's
 * transaction, so the state checked is the state changed. Collections get weak tags.
 */
package io.pistonee.conditional;
