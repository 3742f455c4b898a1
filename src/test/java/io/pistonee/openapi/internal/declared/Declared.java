package io.pistonee.openapi.internal.declared;

/** A class of a package that declares the application's {@code @OpenAPIDefinition}. */
public class Declared {}
