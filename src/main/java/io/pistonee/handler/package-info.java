/**
 * Handlers: what can be done with a resource.
 *
 * <p>A handler is a CDI bean annotated {@link io.pistonee.handler.Handler} that implements any subset
 * of {@link io.pistonee.handler.ListOperation}, {@link io.pistonee.handler.ReadOperation},
 * {@link io.pistonee.handler.CreateOperation}, {@link io.pistonee.handler.UpdateOperation} and
 * {@link io.pistonee.handler.DeleteOperation}. Small interfaces rather than one base class with
 * methods that throw: what a handler can do is then visible in its type, and the
 * {@link io.pistonee.handler.HandlerDescriptor} built once at start-up reads it from there for
 * routing, {@code Allow} and documentation.
 *
 * <p>{@link io.pistonee.handler.ModelHandler} implements all five on a JPA entity; a subclass
 * overrides any one and keeps the rest.
 */
package io.pistonee.handler;
