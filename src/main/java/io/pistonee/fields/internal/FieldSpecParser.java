package io.pistonee.fields.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses Piston's field language.
 *
 * <pre>
 * spec  = [ field *( "," field ) ]
 * field = name [ "(" spec ")" ]
 * name  = 1*( ALPHA / DIGIT / "_" / "-" / "$" )
 * </pre>
 *
 * Whitespace between tokens is ignored; a name may appear once per level. {@code author()} is a
 * nested field with the nested value's default spec. Errors name the offending position.
 */
final class FieldSpecParser {

    /** Deep enough for any real spec; stops a hostile {@code ?fields=} from recursing without end. */
    private static final int MAX_DEPTH = 16;

    private final String text;
    private int position;

    private FieldSpecParser(String text) {
        this.text = text;
    }

    static List<FieldSpec.Field> parse(String text) {
        FieldSpecParser parser = new FieldSpecParser(text == null ? "" : text);
        List<FieldSpec.Field> fields = parser.spec(0);
        parser.skipSpace();
        if (parser.position < parser.text.length()) {
            throw parser.error("unexpected '" + parser.text.charAt(parser.position) + "'");
        }
        return fields;
    }

    private List<FieldSpec.Field> spec(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        List<FieldSpec.Field> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        skipSpace();
        if (atEnd() || peek() == ')') {
            return fields;
        }
        do {
            FieldSpec.Field field = field(depth);
            if (!seen.add(field.name())) {
                throw error("field '" + field.name() + "' appears twice");
            }
            fields.add(field);
            skipSpace();
        } while (accept(','));
        return fields;
    }

    private FieldSpec.Field field(int depth) {
        String name = name();
        skipSpace();
        if (!accept('(')) {
            return new FieldSpec.Field(name, null);
        }
        List<FieldSpec.Field> nested = spec(depth + 1);
        skipSpace();
        if (!accept(')')) {
            throw error("missing ')' after the fields of '" + name + "'");
        }
        return new FieldSpec.Field(name, new FieldSpec(nested, List.of()));
    }

    private String name() {
        skipSpace();
        int start = position;
        while (!atEnd() && isNameChar(peek())) {
            position++;
        }
        if (start == position) {
            throw error(atEnd() ? "a field name is missing at the end" : "expected a field name");
        }
        return text.substring(start, position);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$';
    }

    private boolean accept(char c) {
        skipSpace();
        if (!atEnd() && peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(
                "Invalid field spec \"" + text + "\" at position " + (position + 1) + ": " + message);
    }
}
