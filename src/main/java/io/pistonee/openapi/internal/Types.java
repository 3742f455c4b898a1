package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schemas of scalar Java types as the framework's Jackson mapper writes them: numbers, strings,
 * ISO-8601 dates (the mapper writes no timestamps), UUIDs, URIs, enums by their written names.
 */
final class Types {

    private final ObjectMapper mapper;

    Types(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The schema of a scalar type, or {@code null} when the type is no scalar. */
    Schema scalar(JavaType type) {
        Class<?> raw = type.isPrimitive() ? wrapper(type.getRawClass()) : type.getRawClass();
        if (raw.isEnum()) {
            return enumeration(raw);
        }
        if (raw == String.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)) {
            return string(null);
        }
        if (raw == Boolean.class) {
            return Typed.schema(SchemaType.BOOLEAN);
        }
        if (raw == Integer.class || raw == Short.class || raw == Byte.class) {
            return Typed.schema(SchemaType.INTEGER).format("int32");
        }
        if (raw == Long.class) {
            return Typed.schema(SchemaType.INTEGER).format("int64");
        }
        if (raw == BigInteger.class) {
            return Typed.schema(SchemaType.INTEGER);
        }
        if (raw == Float.class || raw == Double.class) {
            return Typed.schema(SchemaType.NUMBER).format(raw == Float.class ? "float" : "double");
        }
        if (raw == BigDecimal.class || Number.class.isAssignableFrom(raw)) {
            return Typed.schema(SchemaType.NUMBER);
        }
        if (raw == byte[].class) {
            return string("byte");
        }
        return textual(raw);
    }

    private static Schema textual(Class<?> raw) {
        if (raw == UUID.class) {
            return string("uuid");
        }
        if (raw == URI.class || raw == URL.class) {
            return string("uri");
        }
        if (raw == LocalDate.class) {
            return string("date");
        }
        if (raw == OffsetDateTime.class
                || raw == ZonedDateTime.class
                || raw == Instant.class
                || raw == LocalDateTime.class
                || Date.class.isAssignableFrom(raw)) {
            return string("date-time");
        }
        if (raw == Duration.class) {
            return string("duration");
        }
        if (raw == LocalTime.class || Temporal.class.isAssignableFrom(raw)) {
            return string(null);
        }
        return null;
    }

    private Schema enumeration(Class<?> type) {
        List<Object> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(mapper.convertValue(constant, String.class));
        }
        return string(null).enumeration(names);
    }

    private static Schema string(String format) {
        Schema schema = Typed.schema(SchemaType.STRING);
        return format == null ? schema : schema.format(format);
    }

    private static Class<?> wrapper(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        return primitive == byte.class ? Byte.class : Character.class;
    }
}
