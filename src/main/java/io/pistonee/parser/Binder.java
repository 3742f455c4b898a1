package io.pistonee.parser;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.validation.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
