/**
 * State every instance of a cluster must agree on: refresh tokens, revoked access-token ids and
 * failed-login counts live in {@link io.pistonee.cluster.SharedMaps}, string maps whose entries
 * expire.
 *
 * <p>Decisions: the state is JCache, the platform's distributed cache API; on Payara it is
 * Hazelcast's, so every member of the cluster sees every change at once and a member that dies loses
 * nothing (Hazelcast keeps a backup of each entry on another member). Keys and values are strings
 * only, so no application class ever has to be deserialized by the data grid. Changes use the cache's
 * atomic operations ({@code putIfAbsent}, compare-and-set {@code replace}), never get-then-put. Where
 * there is no JCache provider (WildFly out of the box) the maps are in memory, per instance: a
 * WildFly cluster needs sticky sessions or a replacement {@code SharedMaps} bean.
 */
package io.pistonee.cluster;
