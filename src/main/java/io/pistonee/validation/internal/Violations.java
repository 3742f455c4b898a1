package io.pistonee.validation.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import io.pistonee.problem.Problem;
import io.pistonee.problem.Rc;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns constraint violations into a 400 problem with an {@code errors} list of
 * {@code {field, message, rejected}}, sorted by field. The field is the path as the client wrote it:
 * {@code title}, {@code tags[2]}, {@code author.username}, never the method and parameter nodes Bean
 * Validation adds ({@code create.arg0.title}); a constraint on a handler parameter itself is named
 * after the parameter.
 */
public final class Violations {

    /** Rejected values longer than this are cut: a problem must not echo a huge body back. */
    private static final int MAX_REJECTED = 100;

    private Violations() {}

    public static Problem problem(Set<? extends ConstraintViolation<?>> violations, PropertyNamingStrategy naming) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field(violation.getPropertyPath(), naming));
            error.put("message", violation.getMessage());
            error.put("rejected", rejected(violation.getInvalidValue()));
            errors.add(error);
        }
        errors.sort(Comparator.comparing(error -> String.valueOf(error.get("field"))));
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return Rc.BAD_REQUEST.problem(detail).with("errors", errors);
    }

    /** The property path as the client wrote it: no method or parameter nodes, names translated. */
    static String field(Path path, PropertyNamingStrategy naming) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(translate(node.getName(), naming));
            }
        }
        // A constraint on a parameter itself (read(@Positive Long id)) is reported under the parameter's name.
        return field.isEmpty() ? translate(parameter, naming) : field.toString();
    }

    private static String translate(String name, PropertyNamingStrategy naming) {
        return naming instanceof PropertyNamingStrategies.NamingBase base ? base.translate(name) : name;
    }

    private static Object rejected(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = String.valueOf(value);
        return text.length() <= MAX_REJECTED ? text : text.substring(0, MAX_REJECTED) + "...";
    }
}
