/**
 * The resource: the one generic JAX-RS resource that exposes every handler, and the filters that
 * route a request to its handler before any body is read.
 *
 * <p>Only {@code PistonResource} carries JAX-RS resource annotations. The API
 * lives under {@code /api} ({@link io.pistonee.resource.PistonApplication}); map that class in
 * {@code web.xml} to move it.
 */
package io.pistonee.resource;
