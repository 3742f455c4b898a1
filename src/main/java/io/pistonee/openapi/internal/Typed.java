package io.pistonee.openapi.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A schema of one type, on every server (and a header with one). MicroProfile OpenAPI 4 (WildFly 39, Payara 7; OpenAPI 3.1)
 * made a schema's type a list ({@code addType}), where 3.1 (Payara 6; OpenAPI 3.0) has one
 * ({@code setType}); the framework is compiled against 3.1 and finds the server's setter here, the one
 * place where the two differ for it.
 */
final class Typed {

    private static final Method SET_TYPE = setter();

    private Typed() {}

    /** A new schema of a type. */
    static Schema schema(SchemaType type) {
        Schema schema = OASFactory.createSchema();
        try {
            SET_TYPE.invoke(schema, type);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return schema;
    }

    /** A response header whose value is of a type. */
    static Header header(String description, SchemaType type) {
        return OASFactory.createHeader().description(description).schema(schema(type));
    }

    private static Method setter() {
        try {
            return Schema.class.getMethod("addType", SchemaType.class);
        } catch (NoSuchMethodException e) {
            try {
                return Schema.class.getMethod("setType", SchemaType.class);
            } catch (NoSuchMethodException none) {
                throw new IllegalStateException("MicroProfile OpenAPI's Schema has neither addType nor setType", none);
            }
        }
    }
}
