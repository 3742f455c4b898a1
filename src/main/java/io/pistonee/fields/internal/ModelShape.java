package io.pistonee.fields.internal;

import java.util.Map;
import java.util.function.Function;

/**
 * How instances of one model are shaped wherever they appear: the default spec (from the model's
 * handler), its computed fields, the path of an instance under the API root (for
 * {@code resource_uri}), such as {@code posts/42}, and the model's label in stored forms
 * ({@code blog.blogpost}; {@code null} derives it from the class).
 */
public record ModelShape(
        FieldSpec fields, Map<String, ComputedField> computed, Function<Object, String> path, String label) {

    public ModelShape {
        computed = Map.copyOf(computed);
    }
}
