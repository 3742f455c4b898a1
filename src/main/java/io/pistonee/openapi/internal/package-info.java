/**
 * Internal to the OpenAPI document: the model reader that builds the document from the handler
 * descriptors, the filter, the framework's MicroProfile OpenAPI settings, and Swagger UI's
 * servlet. Not API: it may change in any release. The concept and its decisions: {@link
 * io.pistonee.openapi}.
 */
package io.pistonee.openapi.internal;
