package io.pistonee.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * plus extension members such as {@code errors}.
 *
 * <pre>{@code
 * Problem.of(400, "Malformed JSON at line 1, column 9").with("errors", List.of(...))
 * }</pre>
 *
 * The type is {@code about:blank} (the title is then the status phrase) unless a more specific one
 * is given.
 */
public record Problem(
        String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        extensions = Map.copyOf(extensions);
    }

    /** A problem of type {@code about:blank} whose title is the status phrase. */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", Rc.phrase(status), status, detail, null, Map.of());
    }

    /** This problem with an extension member added. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    /** This problem with its {@code instance} set. */
    public Problem at(String instanceUri) {
        return new Problem(type, title, status, detail, instanceUri, extensions);
    }

    /** This problem as the members an emitter writes, in RFC order, nulls left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
        if (instance != null) {
            members.put("instance", instance);
        }
        extensions.forEach(members::putIfAbsent);
        return members;
    }
}
