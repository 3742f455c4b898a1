/**
 * Internal to collections: listing rules resolved at start-up, the Criteria queries behind pages,
 * filters and sorts, and cursors. Not API: it may change in any release. The concept and its
 * decisions: {@link io.pistonee.collection}.
 */
package io.pistonee.collection.internal;
