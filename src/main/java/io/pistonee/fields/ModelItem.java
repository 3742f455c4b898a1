package io.pistonee.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One item as a database row describes it: the model's label ({@code blog.blogpost}), its primary key
 * and its stored fields, related entities as their keys, each with the type of Django model field that
 * would hold it. What Django's serialization formats carry.
 *
 * @param model the model label, {@code app_label.model_name}
 * @param pk the primary key, or a null node
 * @param fields the item's persistent fields within its field spec, without the key
 * @param types the type of each field that has a known one; {@link #type} guesses the others
 */
public record ModelItem(String model, JsonNode pk, ObjectNode fields, Map<String, FieldType> types) {

    public ModelItem {
        types = Map.copyOf(types);
    }

    /** An item whose field types are guessed from their values. */
    public ModelItem(String model, JsonNode pk, ObjectNode fields) {
        this(model, pk, fields, Map.of());
    }

    /**
     * A field's type: the one known from its property, else one guessed from its value (text a
     * {@code CharField}, a whole number an {@code IntegerField} or {@code BigIntegerField}, objects and
     * arrays a {@code JSONField}...).
     */
    public FieldType type(String name) {
        FieldType type = types.get(name);
        return type != null ? type : FieldType.of(fields.get(name));
    }

    /**
     * The Django model field that holds a value: its internal type ({@code CharField}, {@code
     * DateTimeField}, {@code ForeignKey}...) and, for a relation, the related model's label.
     *
     * @param name what Django's {@code Field.get_internal_type()} answers
     * @param to the related model's label for {@code ForeignKey}, {@code OneToOneField} and {@code
     *     ManyToManyField}, else {@code null}
     */
    public record FieldType(String name, String to) {

        public static final FieldType CHAR = new FieldType("CharField", null);
        public static final FieldType JSON = new FieldType("JSONField", null);

        /** The type Django would give a value of this kind, when nothing else is known. */
        public static FieldType of(JsonNode value) {
            if (value == null || value.isNull() || value.isTextual()) {
                return CHAR;
            }
            String name = value.isBoolean()
                    ? "BooleanField"
                    : value.isInt() || value.isShort()
                            ? "IntegerField"
                            : value.isIntegralNumber()
                                    ? "BigIntegerField"
                                    : value.isBigDecimal() ? "DecimalField" : value.isNumber() ? "FloatField" : null;
            return name == null ? JSON : new FieldType(name, null);
        }

        /**
         * The class of Django's {@code remote_field} for a relation ({@code ManyToOneRel},
         * {@code OneToOneRel}, {@code ManyToManyRel}), or {@code null} for any other field.
         */
        public String rel() {
            return switch (name) {
                case "ForeignKey" -> "ManyToOneRel";
                case "OneToOneField" -> "OneToOneRel";
                case "ManyToManyField" -> "ManyToManyRel";
                default -> null;
            };
        }
    }
}
