package io.pistonee.collection;

import java.util.Locale;

/**
 * Django's field lookups, written after a double underscore: {@code ?title__icontains=java}. A field
 * without one means {@code exact}.
 */
public enum Lookup {
    EXACT,
    CONTAINS,
    ICONTAINS,
    GT,
    GTE,
    LT,
    LTE,
    /** A comma-separated list of values: {@code ?id__in=1,2,3}. */
    IN;

    /** How a parameter names it after the field: {@code icontains}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lookup a suffix names, or {@code null} for none known. */
    static Lookup of(String suffix) {
        for (Lookup lookup : values()) {
            if (lookup.suffix().equals(suffix)) {
                return lookup;
            }
        }
        return null;
    }

    /** Whether the lookup only applies to text. */
    public boolean isTextual() {
        return this == CONTAINS || this == ICONTAINS;
    }

    /** Whether the lookup compares by order. */
    public boolean isOrdering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
