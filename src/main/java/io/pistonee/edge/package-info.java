/**
 * The edge of every exchange, before the request pipeline and around everything else the
 * application serves (the error page, the docs, the OAuth endpoints): a request id, the public URL
 * when the application runs behind a proxy, and CORS.
 *
 * <p>Decisions: one servlet filter, declared first in the framework jar's {@code web-fragment.xml},
 * so it sees every request before any JAX-RS filter and every other servlet; a CORS preflight is
 * answered there, before authorization. The request id names the serving thread while the request is
 * served ({@code http-thread-pool::http-listener(1) request=<id>}), because every server's log format
 * prints the thread's name (Payara's {@code _ThreadName}, WildFly's {@code %t}) for every record,
 * the server's and libraries' included: one mechanism, no server configuration, no logging API.
 * Headers that say where a request came from are believed only from {@code piston.proxy.trusted}
 * addresses, and only when they parse; anything else is ignored, never an error. Applications use no
 * type of this package: it is configured ({@code piston.proxy.*}, {@code piston.public-base-url},
 * {@code piston.cors.*}), and the id of the request is the request attribute
 * {@code io.pistonee.request-id}.
 */
package io.pistonee.edge;
