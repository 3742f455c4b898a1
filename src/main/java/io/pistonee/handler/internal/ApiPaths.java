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

    /**
     * The path segment after a collection where a POST creates several items in one transaction:
     * {@code /api/posts/bulk}. Its own path gives bulk create its own operation in the OpenAPI
     * document, so that generated clients get one request type per operation; nothing else is served
     * there (a GET reads the item whose id is {@code bulk}).
     */
    public static final String BULK = "bulk";

    private ApiPaths() {}
}
