/**
 * Arquillian integration tests: each {@code *IT} deploys a WAR to a real Payara Micro (downloaded by
 * Maven, bound to 127.0.0.1) and talks to it over HTTP only, asserting statuses, headers and bodies.
 * WARs come from {@link io.pistonee.it.Deployments}; each deployment boots its own server, so tests
 * are grouped by deployment.
 */
package io.pistonee.it;
