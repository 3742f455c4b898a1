/**
 * Internal to the generic resource: the JAX-RS resource, the routing and read-transaction filters,
 * the dispatcher, paging and replies. Not API: it may change in any release. The concept and its
 * decisions: {@link io.pistonee.resource}.
 */
package io.pistonee.resource.internal;
