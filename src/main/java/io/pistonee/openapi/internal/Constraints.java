package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What Bean Validation constraints on a property say in a schema: lengths, sizes, inclusive bounds,
 * patterns, formats (exclusive bounds are left out: OpenAPI 3.0 and 3.1 spell them differently). Whether a property is required is {@link #required}'s business: a request body's schema
 * lists its required properties.
 */
final class Constraints {

    private Constraints() {}

    /** Adds a property's constraints to its schema. */
    static void apply(Schema schema, BeanPropertyDefinition property) {
        JavaType type = property.getPrimaryType();
        Size size = Annotations.find(property, Size.class);
        if (size != null) {
            sized(schema, type, size.min(), size.max());
        }
        if (Annotations.find(property, NotBlank.class) != null || Annotations.find(property, NotEmpty.class) != null) {
            sized(
                    schema,
                    type,
                    Math.max(1, size == null ? 1 : size.min()),
                    size == null ? Integer.MAX_VALUE : size.max());
        }
        Min min = Annotations.find(property, Min.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        Max max = Annotations.find(property, Max.class);
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        DecimalMin decimalMin = Annotations.find(property, DecimalMin.class);
        if (decimalMin != null && decimalMin.inclusive()) {
            schema.minimum(new BigDecimal(decimalMin.value()));
        }
        DecimalMax decimalMax = Annotations.find(property, DecimalMax.class);
        if (decimalMax != null && decimalMax.inclusive()) {
            schema.maximum(new BigDecimal(decimalMax.value()));
        }
        Pattern pattern = Annotations.find(property, Pattern.class);
        if (pattern != null) {
            schema.pattern(pattern.regexp());
        }
        if (Annotations.find(property, Email.class) != null) {
            schema.format("email");
        }
    }

    /** Whether a client must send a property. */
    static boolean required(BeanPropertyDefinition property) {
        return Annotations.find(property, NotNull.class) != null
                || Annotations.find(property, NotBlank.class) != null
                || Annotations.find(property, NotEmpty.class) != null;
    }

    private static void sized(Schema schema, JavaType type, int min, int max) {
        boolean array = SchemaDocs.isSequence(type);
        boolean object = type.isMapLikeType();
        Integer low = min > 0 ? min : null;
        Integer high = max < Integer.MAX_VALUE ? max : null;
        if (array) {
            schema.minItems(low).maxItems(high);
        } else if (object) {
            schema.minProperties(low).maxProperties(high);
        } else {
            schema.minLength(low).maxLength(high);
        }
    }
}
