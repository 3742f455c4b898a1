package io.pistonee.handler;

/**
 * The operations a handler may provide, each bound to one HTTP method on the collection
 * ({@code /api/{name}}) or on an item ({@code /api/{name}/{id}}).
 */
public enum Operation {
    LIST("GET", Target.COLLECTION),
    CREATE("POST", Target.COLLECTION),
    READ("GET", Target.ITEM),
    UPDATE("PUT", Target.ITEM),
    DELETE("DELETE", Target.ITEM);

    /** Where an operation applies. */
    public enum Target {
        COLLECTION,
        ITEM
    }

    private final String httpMethod;
    private final Target target;

    Operation(String httpMethod, Target target) {
        this.httpMethod = httpMethod;
        this.target = target;
    }

    public String httpMethod() {
        return httpMethod;
    }

    public Target target() {
        return target;
    }

    /** Whether this operation reads a request body. */
    public boolean hasBody() {
        return this == CREATE || this == UPDATE;
    }

    /** The operation an HTTP method means on a target, or {@code null}; HEAD means GET. */
    public static Operation of(String httpMethod, Target target) {
        String method = "HEAD".equals(httpMethod) ? "GET" : httpMethod;
        for (Operation operation : values()) {
            if (operation.target == target && operation.httpMethod.equals(method)) {
                return operation;
            }
        }
        return null;
    }
}
