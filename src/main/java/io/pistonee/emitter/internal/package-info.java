/**
 * Internal to emitters: format negotiation ({@code ?format=}, the suffix, {@code Accept}), the
 * chosen format of a request, {@code Vary}, and the one problem writer that the exception mapper,
 * the error page and the authentication mechanism share. Not API: it may change in any release.
 * The concept and its decisions: {@link io.pistonee.emitter}.
 */
package io.pistonee.emitter.internal;
