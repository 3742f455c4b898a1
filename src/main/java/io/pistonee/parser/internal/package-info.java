/**
 * Internal to request bodies: the binder, the body-size and content-type filters, and the parser
 * selection. Not API: it may change in any release. The concept and its decisions: {@link
 * io.pistonee.parser}.
 */
package io.pistonee.parser.internal;
