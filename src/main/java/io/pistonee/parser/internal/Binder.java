package io.pistonee.parser.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.RequestData;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.validation.internal.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds request data to a handler's input type and validates the result.
 *
 * <p>A value of the wrong JSON type answers 400 naming the field ({@code title: expected a string});
 * Bean Validation violations answer 400 with every field error. Unknown properties are ignored, so
 * a client can send back what it read (with {@code resource_uri} and computed fields).
 */
@ApplicationScoped
public class Binder {

    @Inject
    PistonConfig config;

    @Inject
    Validator validator;

    /** Binds and validates; {@code JsonNode} and {@code Object} inputs take the tree as it is. */
    public Object bind(RequestData data, JavaType type) {
        Object value = convert(data.tree(), type, config.mapper());
        if (!(value instanceof JsonNode) && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            Set<ConstraintViolation<Object>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new ProblemException(Violations.problem(
                        violations, config.mapper().getSerializationConfig().getPropertyNamingStrategy()));
            }
        }
        return value;
    }

    /**
     * Binds and validates every item of an array (a bulk create): all items, or a 400 listing every
     * item's errors with the item's index in the field ({@code [2].title}).
     */
    public List<Object> bindAll(JsonNode array, JavaType type) {
        if (array.isEmpty()) {
            throw Rc.BAD_REQUEST.error("The array is empty: there is nothing to create.");
        }
        List<Object> items = new ArrayList<>(array.size());
        List<Map<String, Object>> errors = new ArrayList<>();
        int invalid = 0;
        for (int index = 0; index < array.size(); index++) {
            try {
                items.add(bind(new RequestData(array.get(index)), type));
            } catch (ProblemException e) {
                invalid++;
                errors.addAll(itemErrors(index, e.problem()));
            }
        }
        if (invalid > 0) {
            throw new ProblemException(Rc.BAD_REQUEST
                    .problem(invalid + " of " + array.size() + " items are invalid; nothing was created.")
                    .with("errors", errors));
        }
        return items;
    }

    /**
     * The properties of an item a client may write, as a tree: the document a PATCH applies to. Only
     * what binds back is included, so a property the representation hides is kept, not erased.
     */
    public JsonNode writableTree(Object item) {
        ObjectMapper mapper = config.mapper();
        if (item instanceof Map<?, ?> || item instanceof JsonNode || item instanceof List<?>) {
            return mapper.valueToTree(item);
        }
        ObjectNode tree = mapper.createObjectNode();
        BeanDescription description =
                mapper.getDeserializationConfig().introspect(mapper.constructType(item.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.hasGetter() ? property.getGetter() : property.getField();
            if (property.couldDeserialize() && accessor != null) {
                accessor.fixAccess(true);
                tree.set(property.getName(), mapper.valueToTree(accessor.getValue(item)));
            }
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemErrors(int index, Problem problem) {
        Object listed = problem.extensions().get("errors");
        List<Map<String, Object>> errors = new ArrayList<>();
        if (listed instanceof List<?> list && !list.isEmpty()) {
            for (Object error : list) {
                Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) error);
                String field = String.valueOf(item.get("field"));
                item.put("field", "[" + index + "]" + (field.isEmpty() || field.startsWith("[") ? "" : ".") + field);
                errors.add(item);
            }
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "[" + index + "]");
            error.put("message", problem.detail());
            errors.add(error);
        }
        return errors;
    }

    static Object convert(JsonNode tree, JavaType type, ObjectMapper mapper) {
        if (type == null || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return tree;
        }
        try {
            Object value = mapper.readerFor(type).readValue(tree);
            if (value == null) {
                throw Rc.BAD_REQUEST.error("The request body is null: " + describe(type) + " is required.");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw invalid(
                    e, "expected " + describe(e.getTargetType() == null ? type.getRawClass() : e.getTargetType()));
        } catch (DatabindException e) {
            throw invalid(e, "invalid value");
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw Rc.BAD_REQUEST.error("The request body does not fit " + describe(type) + ".");
        }
    }

    private static ProblemException invalid(DatabindException e, String message) {
        String field = field(e instanceof JsonMappingException mapping ? mapping.getPath() : List.of());
        String detail = field.isEmpty()
                ? "The request body is invalid: " + message + "."
                : "Field '" + field + "' is invalid: " + message + ".";
        Problem problem = Rc.BAD_REQUEST.problem(detail);
        if (!field.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", message);
            problem = problem.with("errors", List.of(error));
        }
        return new ProblemException(problem);
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a Java type is, in JSON words. */
    static String describe(JavaType type) {
        return describe(type.getRawClass());
    }

    private static String describe(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)
                || type == char.class
                || type == Character.class
                || type.isEnum()
                || type.getName().startsWith("java.time.")
                || type == java.util.UUID.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
