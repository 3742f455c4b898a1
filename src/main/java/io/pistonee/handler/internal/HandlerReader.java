package io.pistonee.handler.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.Shaper;
import io.pistonee.handler.Bulk;
import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ModelHandler;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.UpdateOperation;
import jakarta.persistence.Entity;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a handler class into its {@link HandlerDescriptor}: the operations from the interfaces it
 * implements, the types from their type arguments, the rest from its annotations. Every message it
 * throws names the class and is fit for a deployment error.
 */
final class HandlerReader {

    private HandlerReader() {}

    static HandlerDescriptor read(
            Class<?> handlerClass,
            String name,
            TypeFactory types,
            ThrottlePolicy.Settings throttles,
            Function<Class<?>, ListingRules> listing) {
        Handler annotation = handlerClass.getAnnotation(Handler.class);
        if (annotation == null) {
            throw new IllegalArgumentException(handlerClass.getName() + " is not annotated @Handler");
        }
        checkName(handlerClass, name);
        Set<Operation> operations = declared(handlerClass, name, annotation, operationsOf(handlerClass));
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("@Handler(\"" + name + "\") on " + handlerClass.getName()
                    + " implements no operation: implement ListOperation, ReadOperation, CreateOperation,"
                    + " UpdateOperation or DeleteOperation, or extend ModelHandler");
        }
        JavaType type = types.constructType(handlerClass);
        FieldSpec fields = FieldSpec.of(annotation.fields(), annotation.exclude());
        FieldSpec listFields = annotation.listFields().length == 0
                ? fields
                : FieldSpec.of(annotation.listFields(), annotation.exclude());
        Class<?> model = modelOf(handlerClass, type, types);
        Mount mount = Mount.of(handlerClass, name, annotation);
        for (String attribute : java.util.Arrays.asList(mount.key(), mount.parent())) {
            if (attribute != null && model != null && !Attributes.has(model, attribute)) {
                throw new IllegalArgumentException("@Handler(\"" + name + "\") on " + handlerClass.getName() + ": '"
                        + attribute + "' is not an attribute of " + model.getSimpleName());
            }
        }
        if (mount.parent() != null && model == null) {
            throw new IllegalArgumentException("@Handler(\"" + name + "\") on " + handlerClass.getName()
                    + ": parent = \"" + mount.parent() + "\" names an attribute of a model; extend ModelHandler");
        }
        return new HandlerDescriptor(
                name,
                singular(annotation, name),
                mount,
                handlerClass,
                plans(handlerClass, name, operations, type, types, throttles),
                model,
                idType(type, types),
                input(type, CreateOperation.class, 0, types),
                input(type, UpdateOperation.class, 1, types),
                fields,
                listFields,
                computedFields(handlerClass, model, fields, listFields),
                djangoModel(annotation, name, handlerClass, model),
                annotation.anonymous() == void.class ? null : annotation.anonymous(),
                model == null ? ListingRules.NONE : listing.apply(model),
                null,
                null,
                null);
    }

    /** The annotation's {@code singular}, else the name made singular. */
    private static String singular(Handler annotation, String name) {
        String declared = annotation.singular().strip();
        return declared.isEmpty() ? Nouns.singular(name) : declared;
    }

    private static void checkName(Class<?> handlerClass, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("@Handler on " + handlerClass.getName()
                    + " has no name: name the resource, or name this class as another handler's anonymous twin");
        }
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("@Handler(\"" + name + "\") on " + handlerClass.getName()
                    + ": a resource name is letters, digits, '_' and '-' only");
        }
    }

    private static Map<Operation, OperationPlan> plans(
            Class<?> handlerClass,
            String name,
            Set<Operation> operations,
            JavaType type,
            TypeFactory types,
            ThrottlePolicy.Settings throttles) {
        Map<Operation, OperationPlan> plans = new EnumMap<>(Operation.class);
        for (Operation operation : operations) {
            boolean reads = operation == Operation.LIST || operation == Operation.READ;
            JavaType result = reads ? resultType(handlerClass, operation, type, types) : null;
            plans.put(
                    operation,
                    new OperationPlan(
                            Access.of(handlerClass, operation),
                            ThrottlePolicy.of(handlerClass, name, operation, throttles),
                            reads && mayStream(result),
                            reads && loadsWhole(result)));
        }
        return plans;
    }

    /** The declared result of an operation's method, resolved for this handler ({@code T} of a model handler). */
    private static JavaType resultType(Class<?> handlerClass, Operation operation, JavaType type, TypeFactory types) {
        Method found = null;
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals(operation.javaMethod())
                    && method.getParameterCount() == operation.parameters()
                    && !method.isBridge()
                    && (found == null || found.getReturnType().isAssignableFrom(method.getReturnType()))) {
                found = method;
            }
        }
        if (found == null) {
            return types.constructType(Object.class);
        }
        JavaType declaring = type.findSuperType(found.getDeclaringClass());
        return types.resolveMemberType(
                found.getGenericReturnType(), declaring != null ? declaring.getBindings() : type.getBindings());
    }

    /**
     * Whether a declared result may be a one-pass sequence: a stream, an iterator, an iterable that is
     * no collection, an {@code Optional} or {@link io.pistonee.problem.Reply} that may hold one, or any
     * type a stream is (such as {@code Object}). Entities, collections, maps and arrays may not.
     */
    /** Whether a declared result is an entity, or a collection (a list, a page) of one, that loads whole. */
    static boolean loadsWhole(JavaType result) {
        Class<?> raw = result.getRawClass();
        if (java.util.Collection.class.isAssignableFrom(raw) && result.containedTypeCount() == 1) {
            return EagerGraphs.loadsWhole(result.containedType(0).getRawClass());
        }
        return EagerGraphs.loadsWhole(raw);
    }

    static boolean mayStream(JavaType result) {
        Class<?> raw = result.getRawClass();
        if (raw == java.util.Optional.class) {
            return result.containedTypeCount() == 0 || mayStream(result.containedType(0));
        }
        if (raw == io.pistonee.problem.Reply.class) {
            return true;
        }
        if (raw.isPrimitive()
                || raw.isArray()
                || java.util.Collection.class.isAssignableFrom(raw)
                || Map.class.isAssignableFrom(raw)) {
            return false;
        }
        return raw.isAssignableFrom(java.util.stream.Stream.class)
                || raw.isAssignableFrom(java.util.Iterator.class)
                || java.util.stream.BaseStream.class.isAssignableFrom(raw)
                || java.util.Iterator.class.isAssignableFrom(raw)
                || Iterable.class.isAssignableFrom(raw);
    }

    private static String djangoModel(Handler annotation, String name, Class<?> handlerClass, Class<?> model) {
        if (!annotation.djangoModel().isBlank()) {
            if (!annotation.djangoModel().matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("@Handler(\"" + name + "\") on "
                        + handlerClass.getName() + ": djangoModel must be app_label.model_name, not \""
                        + annotation.djangoModel() + "\"");
            }
            return annotation.djangoModel().toLowerCase(Locale.ROOT);
        }
        if (model != null) {
            return Shaper.label(model);
        }
        String app = Shaper.label(handlerClass);
        return app.substring(0, app.indexOf('.') + 1) + name.toLowerCase(Locale.ROOT);
    }

    /** The entity of a {@link ModelHandler}, or {@code null} for other handlers. */
    private static Class<?> modelOf(Class<?> handlerClass, JavaType type, TypeFactory types) {
        if (!ModelHandler.class.isAssignableFrom(handlerClass)) {
            return null;
        }
        Class<?> model = parameter(type, ModelHandler.class, 0, types).getRawClass();
        if (!model.isAnnotationPresent(Entity.class)) {
            throw new IllegalArgumentException(handlerClass.getName() + " extends ModelHandler<" + model.getSimpleName()
                    + ", ...>, but a model handler needs a JPA entity: declare ModelHandler<YourEntity, YourId>");
        }
        return model;
    }

    /** The operations the annotation keeps of those the class implements ({@code operations}), else all. */
    private static Set<Operation> declared(
            Class<?> handlerClass, String name, Handler annotation, Set<Operation> implemented) {
        if (annotation.operations().length == 0) {
            return implemented;
        }
        Set<Operation> declared = EnumSet.noneOf(Operation.class);
        for (Operation operation : annotation.operations()) {
            if (!implemented.contains(operation)) {
                throw new IllegalArgumentException("@Handler(\"" + name + "\") on " + handlerClass.getName()
                        + ": operations names " + operation + ", which the class does not implement");
            }
            declared.add(operation);
        }
        return declared;
    }

    private static Set<Operation> operationsOf(Class<?> handlerClass) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (ListOperation.class.isAssignableFrom(handlerClass)) {
            operations.add(Operation.LIST);
        }
        if (ReadOperation.class.isAssignableFrom(handlerClass)) {
            operations.add(Operation.READ);
        }
        if (CreateOperation.class.isAssignableFrom(handlerClass)) {
            operations.add(Operation.CREATE);
        }
        if (UpdateOperation.class.isAssignableFrom(handlerClass)) {
            operations.add(Operation.UPDATE);
        }
        if (DeleteOperation.class.isAssignableFrom(handlerClass)) {
            operations.add(Operation.DELETE);
        }
        if (operations.contains(Operation.READ) && operations.contains(Operation.UPDATE)) {
            operations.add(Operation.PATCH);
        }
        if (handlerClass.isAnnotationPresent(Bulk.class)) {
            if (operations.contains(Operation.PATCH)) {
                operations.add(Operation.BULK_PATCH);
            }
            if (operations.contains(Operation.LIST) && operations.contains(Operation.DELETE)) {
                operations.add(Operation.BULK_DELETE);
            }
        }
        return operations;
    }

    private static JavaType idType(JavaType type, TypeFactory types) {
        for (Class<?> operation : List.of(ReadOperation.class, UpdateOperation.class, DeleteOperation.class)) {
            if (operation.isAssignableFrom(type.getRawClass())) {
                return orString(parameter(type, operation, 0, types), types);
            }
        }
        return null;
    }

    private static JavaType input(JavaType type, Class<?> operation, int index, TypeFactory types) {
        return operation.isAssignableFrom(type.getRawClass()) ? parameter(type, operation, index, types) : null;
    }

    /** An unresolved id type (a raw implementation) takes the path segment as it is. */
    private static JavaType orString(JavaType id, TypeFactory types) {
        return id.getRawClass() == Object.class ? types.constructType(String.class) : id;
    }

    private static JavaType parameter(JavaType type, Class<?> generic, int index, TypeFactory types) {
        JavaType[] parameters = type.findTypeParameters(generic);
        return parameters.length > index ? parameters[index] : types.constructType(Object.class);
    }

    private static Map<String, Method> computedFields(
            Class<?> handlerClass, Class<?> model, FieldSpec fields, FieldSpec listFields) {
        Map<String, Method> computed = new TreeMap<>();
        if (model == null) {
            return computed;
        }
        for (FieldSpec spec : List.of(fields, listFields)) {
            for (String field : spec.names()) {
                Method method = computedMethod(handlerClass, model, field);
                if (method != null) {
                    computed.put(field, method);
                }
            }
        }
        return computed;
    }

    /** A public method named like the field (or in camel case) that takes one model instance. */
    private static Method computedMethod(Class<?> handlerClass, Class<?> model, String field) {
        String camel = camelCase(field);
        for (Method method : handlerClass.getMethods()) {
            if ((method.getName().equals(field) || method.getName().equals(camel))
                    && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(model)
                    && method.getReturnType() != void.class
                    && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() != ModelHandler.class) {
                return method;
            }
        }
        return null;
    }

    static String camelCase(String field) {
        StringBuilder camel = new StringBuilder(field.length());
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString().isEmpty()
                ? field
                : camel.toString().substring(0, 1).toLowerCase(Locale.ROOT) + camel.substring(1);
    }
}
