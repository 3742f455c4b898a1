/**
 * Internal to the edge: the filter, the request id rules, the proxy headers' grammar, the trusted
 * addresses and the CORS policy. Not API: it may change in any release. The concept and its
 * decisions: {@link io.pistonee.edge}.
 */
package io.pistonee.edge.internal;
