package io.pistonee.handler.internal;

/**
 * Where handlers are served: every handler at {@code /api/{resource}} and its items at
 * {@code /api/{resource}/{id}}, under the JAX-RS application's path. The generic resource routes by
 * these names and the OpenAPI document replaces them with each handler's own path.
 */
public final class ApiPaths {

    /** The application path, unless {@code web.xml} maps the application elsewhere. */
    public static final String ROOT = "api";

    /** The path parameter naming the handler: {@code posts}. */
    public static final String RESOURCE = "resource";

    /** The path parameter naming an item: {@code 42}. */
    public static final String ID = "id";

    private ApiPaths() {}
}
