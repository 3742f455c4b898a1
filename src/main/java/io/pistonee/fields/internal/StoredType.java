package io.pistonee.fields.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The Django model field a property would be stored in, read once per class from its Java type and
 * JPA annotations: {@code @ManyToOne} a {@code ForeignKey}, {@code @OneToOne} a {@code OneToOneField},
 * a collection of entities a {@code ManyToManyField} (each with the related class), text a
 * {@code CharField} or, with {@code @Lob} or a {@code @Column} longer than {@value #LONGEST_CHAR}, a
 * {@code TextField}; numbers, booleans, dates, times, UUIDs and durations their Django namesakes;
 * {@code byte[]} a {@code BinaryField}; anything else (maps, embedded values, collections of values)
 * a {@code JSONField}.
 *
 * @param name Django's internal type name
 * @param related the related entity class of a relation, else {@code null}
 */
record StoredType(String name, Class<?> related) {

    /** The longest text kept in a {@code CharField}: Oracle's {@code VARCHAR2} ends there. */
    static final int LONGEST_CHAR = 4000;

    private static final Map<Class<?>, String> SIMPLE = Map.ofEntries(
            Map.entry(Boolean.class, "BooleanField"),
            Map.entry(Byte.class, "SmallIntegerField"),
            Map.entry(Short.class, "SmallIntegerField"),
            Map.entry(Integer.class, "IntegerField"),
            Map.entry(Long.class, "BigIntegerField"),
            Map.entry(BigInteger.class, "BigIntegerField"),
            Map.entry(Float.class, "FloatField"),
            Map.entry(Double.class, "FloatField"),
            Map.entry(BigDecimal.class, "DecimalField"),
            Map.entry(LocalDate.class, "DateField"),
            Map.entry(java.sql.Date.class, "DateField"),
            Map.entry(LocalTime.class, "TimeField"),
            Map.entry(OffsetTime.class, "TimeField"),
            Map.entry(java.sql.Time.class, "TimeField"),
            Map.entry(LocalDateTime.class, "DateTimeField"),
            Map.entry(OffsetDateTime.class, "DateTimeField"),
            Map.entry(ZonedDateTime.class, "DateTimeField"),
            Map.entry(Instant.class, "DateTimeField"),
            Map.entry(Date.class, "DateTimeField"),
            Map.entry(java.sql.Timestamp.class, "DateTimeField"),
            Map.entry(UUID.class, "UUIDField"),
            Map.entry(Duration.class, "DurationField"),
            Map.entry(byte[].class, "BinaryField"));

    static StoredType of(BeanPropertyDefinition property) {
        JavaType type = property.getPrimaryType();
        Class<?> raw = type.getRawClass();
        if (annotated(property, ManyToOne.class)) {
            return new StoredType("ForeignKey", raw);
        }
        if (annotated(property, OneToOne.class)) {
            return new StoredType("OneToOneField", raw);
        }
        if (Collection.class.isAssignableFrom(raw)
                && (annotated(property, ManyToMany.class)
                        || annotated(property, OneToMany.class)
                        || BeanShape.entityClass(type.getContentType().getRawClass()) != null)) {
            return new StoredType("ManyToManyField", type.getContentType().getRawClass());
        }
        if (BeanShape.entityClass(raw) != null) {
            return new StoredType("ForeignKey", raw);
        }
        return new StoredType(simple(property, raw), null);
    }

    private static String simple(BeanPropertyDefinition property, Class<?> raw) {
        Class<?> boxed = raw.isPrimitive() ? box(raw) : raw;
        String name = SIMPLE.get(boxed);
        if (name != null) {
            return name;
        }
        if (Date.class.isAssignableFrom(boxed)) {
            return "DateTimeField";
        }
        if (boxed == String.class || boxed == Character.class || boxed.isEnum()) {
            return annotated(property, Lob.class) || length(property) > LONGEST_CHAR ? "TextField" : "CharField";
        }
        return "JSONField";
    }

    private static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private static int length(BeanPropertyDefinition property) {
        return members(property)
                .map(member -> member.getAnnotation(Column.class))
                .filter(column -> column != null)
                .mapToInt(Column::length)
                .findFirst()
                .orElse(0);
    }

    private static boolean annotated(BeanPropertyDefinition property, Class<? extends Annotation> annotation) {
        return members(property).anyMatch(member -> member.hasAnnotation(annotation));
    }

    private static Stream<Annotated> members(BeanPropertyDefinition property) {
        return Stream.<Annotated>of(property.getField(), property.getGetter()).filter(member -> member != null);
    }
}
