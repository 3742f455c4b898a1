/**
 * Internal to request bodies: the binder, the body-size and content-type filters, the parser
 * selection, and what a failure while parsing answers. Not API: it may change in any release. The
 * concept and its decisions: {@link io.pistonee.parser}.
 */
package io.pistonee.parser.internal;
