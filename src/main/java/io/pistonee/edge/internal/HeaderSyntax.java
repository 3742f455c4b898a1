package io.pistonee.edge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of RFC 9110's header syntax that more than one header needs ({@code Forwarded},
 * {@code Prefer}): lists and parameters split outside quoted strings, and quoted strings read.
 */
public final class HeaderSyntax {

    private HeaderSyntax() {}

    /**
     * Splits at a separator outside quoted strings, where a backslash escapes the next character;
     * empty parts are kept (a caller decides whether they are malformed), quotes stay in the parts.
     */
    public static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** The value of a quoted string ({@code "a\"b"} is {@code a"b}); anything else as it is. */
    public static String unquote(String word) {
        if (word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")) {
            return word.substring(1, word.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return word;
    }
}
