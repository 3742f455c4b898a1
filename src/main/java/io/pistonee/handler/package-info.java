/**
 * Handlers: what can be done with a resource.
 *
 * <p>A handler is a CDI bean annotated {@link io.pistonee.handler.Handler} that implements any subset
 * of {@link io.pistonee.handler.ListOperation}, {@link io.pistonee.handler.ReadOperation},
 * {@link io.pistonee.handler.CreateOperation}, {@link io.pistonee.handler.UpdateOperation} and
 * {@link io.pistonee.handler.DeleteOperation}. Small interfaces rather than one base class with
 * methods that throw: what a handler can do is then visible in its type.
 *
 * <p>Everything the framework knows about a handler is in one {@code HandlerDescriptor},
 * built once at start-up: its operations with who may call each ({@code @RolesAllowed}...) and its
 * {@link io.pistonee.handler.Throttle}, its types, model, field specs, listing and anonymous twin.
 * {@code Handlers} is the registry (name to descriptor). Routing resolves each
 * request once into its {@code Resolution}, which every later step reads:
 * authorization, throttling, binding, invocation, shaping. The OpenAPI document reads the same
 * descriptors.
 *
 * <p>{@link io.pistonee.handler.ModelHandler} implements all five on a JPA entity; a subclass
 * overrides any one and keeps the rest.
 */
package io.pistonee.handler;
