/**
 * The OpenAPI document: every handler contributed to the server's MicroProfile OpenAPI document
 * ({@code /openapi}) from the same descriptors that route requests, and Swagger UI at {@code /docs}.
 *
 * <p>Design decisions. The document is contributed through the platform's extension points, a model
 * reader ({@code PistonModelReader}) and a filter
 * ({@code PistonOpenApiFilter}), registered by a {@code ConfigSource} of the
 * framework's ({@code OpenApiDefaults}) so that a WAR built on the framework jar
 * needs no setting. Nothing in it is a hand-written list: paths and operations come from the handler
 * descriptors, schemas from the models as the shaper sees them through the field specs, media types
 * from the deployed emitters and parsers, errors from the pipeline and {@code Rc}, security from the
 * roles. The document's {@code info} is the application's: its {@code @OpenAPIDefinition}, read
 * by the reader itself so that every server gives the same, else {@code piston.openapi.*}, else the
 * context root's name. A user's MicroProfile OpenAPI annotations on a handler win over generated values; the
 * generic JAX-RS resource never appears. The same binary serves MicroProfile OpenAPI 3.1 (Payara 6)
 * and 4 (WildFly 39, Payara 7), which differ in how a schema's type is set.
 */
package io.pistonee.openapi;
