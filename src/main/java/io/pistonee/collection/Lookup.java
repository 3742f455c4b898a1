package io.pistonee.collection;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Django's field lookups, written after a double underscore: {@code ?title__icontains=java}. A field
 * without one means {@code exact}.
 *
 * <p>This enum is the one table of lookups: each constant says which attributes it applies to, what
 * it means (the OpenAPI document's words), how a parameter's text becomes the value it compares with,
 * and the query's condition. Parsing ({@link ListQuery}), querying ({@code CriteriaQueries}) and the
 * OpenAPI document all read it, so a new lookup is one constant here.
 */
public enum Lookup {
    EXACT(Applies.ANY, "equals this") {
        @Override
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.equal(attribute, values.get(0));
        }
    },
    CONTAINS(Applies.TEXT, "contains this text") {
        @Override
        public Object operand(Object value) {
            return "%" + escape((String) value) + "%";
        }

        @Override
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.like(text(attribute), text(values.get(0)), ESCAPE);
        }
    },
    ICONTAINS(Applies.TEXT, "contains this text, ignoring case") {
        @Override
        public Object operand(Object value) {
            return "%" + escape(((String) value).toLowerCase(Locale.ROOT)) + "%";
        }

        @Override
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.like(builder.lower(text(attribute)), text(values.get(0)), ESCAPE);
        }
    },
    GT(Applies.ORDERED, "is greater than this (later, for times)") {
        @Override
        @SuppressWarnings("unchecked")
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.greaterThan(ordered(attribute), ordered(values.get(0)));
        }
    },
    GTE(Applies.ORDERED, "is this or greater") {
        @Override
        @SuppressWarnings("unchecked")
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.greaterThanOrEqualTo(ordered(attribute), ordered(values.get(0)));
        }
    },
    LT(Applies.ORDERED, "is less than this (earlier, for times)") {
        @Override
        @SuppressWarnings("unchecked")
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.lessThan(ordered(attribute), ordered(values.get(0)));
        }
    },
    LTE(Applies.ORDERED, "is this or less") {
        @Override
        @SuppressWarnings("unchecked")
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return builder.lessThanOrEqualTo(ordered(attribute), ordered(values.get(0)));
        }
    },
    /** A comma-separated list of values: {@code ?id__in=1,2,3}. */
    IN(Applies.ANY, "is one of these (comma-separated)") {
        @Override
        public boolean takesMany() {
            return true;
        }

        @Override
        public Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values) {
            return attribute.in(values.toArray(Expression<?>[]::new));
        }
    };

    /** The character that escapes {@code %}, {@code _} and itself in a LIKE pattern ({@link #escape}). */
    private static final char ESCAPE = '\\';

    /** The attributes a lookup can be used on. */
    public enum Applies {
        /** Any attribute. */
        ANY,
        /** Text attributes only. */
        TEXT,
        /** Attributes with an order: numbers, times, text. */
        ORDERED
    }

    private final Applies applies;
    private final String meaning;

    Lookup(Applies applies, String meaning) {
        this.applies = applies;
        this.meaning = meaning;
    }

    /** How a parameter names it after the field: {@code icontains}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The attributes it applies to. */
    public Applies applies() {
        return applies;
    }

    /** What it keeps, after "Only items whose `title` ": {@code contains this text}. */
    public String meaning() {
        return meaning;
    }

    /** Whether it can be used on an attribute of this type ({@code null}: unknown, so yes). */
    public boolean appliesTo(Class<?> type) {
        if (type == null) {
            return true;
        }
        return switch (applies) {
            case ANY -> true;
            case TEXT -> type == String.class;
            case ORDERED -> type.isPrimitive() || Comparable.class.isAssignableFrom(type);
        };
    }

    /** Whether its parameter holds several values, comma-separated. */
    public boolean takesMany() {
        return false;
    }

    /** The value the query compares with, from the parameter's value converted to the attribute's type. */
    public Object operand(Object value) {
        return value;
    }

    /** The query's condition on the attribute, given the bound operands (one, or several for {@link #takesMany}). */
    public abstract Predicate where(CriteriaBuilder builder, Expression<?> attribute, List<Expression<?>> values);

    /** The lookup a suffix names, or {@code null} for none known. */
    public static Lookup of(String suffix) {
        for (Lookup lookup : values()) {
            if (lookup.suffix().equals(suffix)) {
                return lookup;
            }
        }
        return null;
    }

    /** Every suffix, for error messages: {@code exact, contains, ...}. */
    public static String suffixes() {
        return Arrays.stream(values()).map(Lookup::suffix).collect(Collectors.joining(", "));
    }

    /** LIKE's wildcards in client text are matched literally. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @SuppressWarnings("unchecked")
    private static Expression<String> text(Expression<?> expression) {
        return (Expression<String>) expression;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Comparable> ordered(Expression<?> expression) {
        return (Expression<Comparable>) expression;
    }
}
