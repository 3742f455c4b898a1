package io.pistonee.fields.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed field spec: the fields to emit, each possibly with a nested spec, and the exclusions from
 * the default field set.
 *
 * <pre>{@code
 * FieldSpec spec = FieldSpec.parse("id, title, author(username, first_name)");
 * }</pre>
 *
 * An empty field list means "every property" ({@link #isDefault()}); {@link #exclude()} then trims it.
 */
public record FieldSpec(List<Field> fields, List<Pattern> exclude) {

    /** Every property, nothing excluded. */
    public static final FieldSpec ALL = new FieldSpec(List.of(), List.of());

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** One field of a spec; {@code nested} is {@code null} for a plain name. */
    public record Field(String name, FieldSpec nested) {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }

    public FieldSpec {
        fields = List.copyOf(fields);
        exclude = List.copyOf(exclude);
    }

    /** Parses a spec such as {@code "id, title, author(username)"}; see {@link FieldSpecParser}. */
    public static FieldSpec parse(String text) {
        return new FieldSpec(FieldSpecParser.parse(text), List.of());
    }

    /** Parses the entries of {@code fields} and {@code exclude} as written on a handler. */
    public static FieldSpec of(String[] fields, String[] exclude) {
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : exclude) {
            for (String part : entry.split(",")) {
                String name = part.strip();
                if (!name.isEmpty()) {
                    patterns.add(
                            PLAIN_NAME.matcher(name).matches()
                                    ? Pattern.compile("^" + Pattern.quote(name) + "$")
                                    : Pattern.compile(name));
                }
            }
        }
        return new FieldSpec(FieldSpecParser.parse(String.join(",", fields)), patterns);
    }

    /** Whether this spec means "every property" (trimmed by {@link #exclude()}). */
    public boolean isDefault() {
        return fields.isEmpty();
    }

    /** Whether a property of the default field set is excluded. */
    public boolean excludes(String name) {
        for (Pattern pattern : exclude) {
            if (pattern.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    /** The field of this spec with a name, or {@code null}. */
    public Field field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /**
     * Whether this spec shows a property path, written as representations name it
     * ({@code [author, username]}). A default spec shows a property of {@code defaults} that nothing
     * excludes, and nothing beneath it (it emits related objects as their ids); a listed field shows
     * what its nested spec lists, or everything beneath it when that spec is default.
     */
    public boolean shows(List<String> path, Set<String> defaults) {
        String name = path.get(0);
        if (isDefault()) {
            return path.size() == 1 && defaults.contains(name) && !excludes(name);
        }
        Field field = field(name);
        if (field == null) {
            return false;
        }
        if (path.size() == 1 || field.nested() == null || field.nested().isDefault()) {
            return true;
        }
        return field.nested().shows(path.subList(1, path.size()), Set.of());
    }

    /** The names this spec lists, in order. */
    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(field.name());
            if (field.nested() != null) {
                text.append('(').append(field.nested()).append(')');
            }
        }
        return text.toString();
    }
}
