package io.pistonee.handler;

/**
 * The operations a handler may provide, each bound to one HTTP method on the collection
 * ({@code /api/{name}}) or on an item ({@code /api/{name}/{id}}).
 */
public enum Operation {
    LIST("GET", Target.COLLECTION, "list", 0),
    CREATE("POST", Target.COLLECTION, "create", 1),
    READ("GET", Target.ITEM, "read", 1),
    UPDATE("PUT", Target.ITEM, "update", 2),
    /**
     * Provided by every handler that reads and updates items: the patched item goes through
     * {@code update}, so PATCH is implemented, secured and throttled as update.
     */
    PATCH("PATCH", Target.ITEM, "update", 2),
    DELETE("DELETE", Target.ITEM, "delete", 1),
    /**
     * {@code PATCH /api/{name}} with an array of merge patches, each naming its item's {@code id}:
     * provided by a handler that patches and is annotated {@link Bulk}; each item goes through
     * {@code update}, so it is secured as update and each item counts against update's throttle.
     */
    BULK_PATCH("PATCH", Target.COLLECTION, "update", 2),
    /**
     * {@code DELETE /api/{name}?filters}: every item the filters select, provided by a handler that
     * lists, deletes and is annotated {@link Bulk}; each item goes through {@code delete}.
     */
    BULK_DELETE("DELETE", Target.COLLECTION, "delete", 1);

    /** Where an operation applies. */
    public enum Target {
        COLLECTION,
        ITEM
    }

    private final String httpMethod;
    private final Target target;
    private final String javaMethod;
    private final int parameters;

    Operation(String httpMethod, Target target, String javaMethod, int parameters) {
        this.httpMethod = httpMethod;
        this.target = target;
        this.javaMethod = javaMethod;
        this.parameters = parameters;
    }

    /** The name of the Java method that implements this operation ({@code list}, {@code read}...). */
    public String javaMethod() {
        return javaMethod;
    }

    /** How many parameters that method takes. */
    public int parameters() {
        return parameters;
    }

    public String httpMethod() {
        return httpMethod;
    }

    public Target target() {
        return target;
    }

    /** Whether this operation reads a request body. */
    public boolean hasBody() {
        return this == CREATE || this == UPDATE || this == PATCH || this == BULK_PATCH;
    }

    /** Whether this operation writes several items of the collection at once. */
    public boolean isBulk() {
        return this == BULK_PATCH || this == BULK_DELETE;
    }

    /** The operation each item of a bulk operation is: {@code PATCH} or {@code DELETE}; any other is itself. */
    public Operation single() {
        return switch (this) {
            case BULK_PATCH -> PATCH;
            case BULK_DELETE -> DELETE;
            default -> this;
        };
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
