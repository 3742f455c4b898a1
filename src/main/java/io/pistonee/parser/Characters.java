package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters a request body may carry: those XML 1.0 can write (tab, line feed, carriage return,
 * U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 and up; so no other control character, no half of a
 * surrogate pair, no U+FFFE or U+FFFF).
 *
 * <p>Whatever is stored is emitted again in every format. A JSON escape such as {@code "\u0000"} or
 * {@code "\ud800"} is valid JSON, but once stored it could not be written as XML, so every XML page
 * holding it would fail, nor kept by every database (PostgreSQL refuses NUL in text). Such a value
 * answers 400 naming the field, whatever the body's format; nothing is stored.
 */
final class Characters {

    private Characters() {}

    /** Throws a 400 problem naming the first member (or member name) holding a character no format carries. */
    static void requireCarriable(JsonNode tree) {
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry("", tree));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonNode> next = pending.pop();
            String path = next.getKey();
            JsonNode node = next.getValue();
            if (node.isTextual()) {
                requireCarriable(node.textValue(), path, false);
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    requireCarriable(member.getKey(), path, true);
                    String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                    pending.push(Map.entry(field, member.getValue()));
                }
            } else if (node.isArray()) {
                for (int index = 0; index < node.size(); index++) {
                    pending.push(Map.entry(path + "[" + index + "]", node.get(index)));
                }
            }
        }
    }

    private static void requireCarriable(String text, String field, boolean name) {
        int invalid = firstInvalid(text);
        if (invalid < 0) {
            return;
        }
        String message = "contains " + String.format("U+%04X", invalid) + ", a character no format can carry";
        Problem problem = Rc.BAD_REQUEST.problem(subject(field, name) + " " + message + ".");
        if (!field.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", name ? "a member name " + message : message);
            problem = problem.with("errors", List.of(error));
        }
        throw new ProblemException(problem);
    }

    private static String subject(String field, boolean name) {
        if (name) {
            return field.isEmpty() ? "A member name" : "A member name in '" + field + "'";
        }
        return field.isEmpty() ? "The request body" : "Field '" + field + "'";
    }

    /** The first code point XML 1.0 cannot write (an unpaired surrogate as itself), or -1. */
    static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            if (!carriable(point)) {
                return point;
            }
            i += Character.charCount(point);
        }
        return -1;
    }

    private static boolean carriable(int point) {
        return point == '\t'
                || point == '\n'
                || point == '\r'
                || (point >= 0x20 && point <= 0xD7FF)
                || (point >= 0xE000 && point <= 0xFFFD)
                || point >= 0x10000;
    }
}
