package io.pistonee.handler.internal;

import io.pistonee.handler.Handler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a handler is mounted: its path template under the API root ({@code posts}, or
 * {@code authors/{username}/posts}), its items one segment further, the attribute its items are
 * looked up by ({@code id}, or a natural key such as {@code username}) and, for a model handler under
 * another handler's item, the attribute of its model that refers to that item.
 *
 * @param segments the template's segments: literals and {@code {name}} parameters
 * @param key the natural key attribute, or {@code null} for the id
 * @param parent the attribute tying the model's rows to the parent item, or {@code null}
 */
public record Mount(List<String> segments, String key, String parent) {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public Mount {
        segments = List.copyOf(segments);
    }

    /** The plain mount of a handler at its name, items by id. */
    public static Mount at(String name) {
        return new Mount(List.of(name), null, null);
    }

    /** Reads the annotation's {@code path}, {@code key} and {@code parent}; a bad template fails the deployment. */
    static Mount of(Class<?> handlerClass, String name, Handler annotation) {
        String path = annotation.path().strip().replaceAll("^/+|/+$", "");
        List<String> segments = path.isEmpty() ? List.of(name) : List.of(path.split("/", -1));
        String where = "@Handler(\"" + name + "\") on " + handlerClass.getName() + ": path '" + path + "' ";
        Set<String> names = new HashSet<>();
        for (String segment : segments) {
            String parameter = parameter(segment);
            if (parameter == null && !LITERAL.matcher(segment).matches()) {
                throw new IllegalArgumentException(where + "has the segment '" + segment
                        + "', neither a literal (letters, digits, '_' and '-') nor a parameter such as {username}");
            }
            if (parameter != null && !names.add(parameter)) {
                throw new IllegalArgumentException(where + "names the parameter {" + parameter + "} twice");
            }
        }
        if (parameter(segments.get(0)) != null
                || parameter(segments.get(segments.size() - 1)) != null
                || segments.size() % 2 == 0) {
            throw new IllegalArgumentException(where + "must have an odd number of segments, starting and ending"
                    + " with a literal, such as authors/{username}/posts (its items are one segment further)");
        }
        String key = blankToNull(annotation.key());
        String item = key == null ? ApiPaths.ID : key;
        if (names.contains(item)) {
            throw new IllegalArgumentException(where + "names {" + item + "}, which its items' segment is");
        }
        return new Mount(segments, key, blankToNull(annotation.parent()));
    }

    /** The parameter a segment names ({@code username} of {@code {username}}), or {@code null} for a literal. */
    public static String parameter(String segment) {
        var matcher = PARAMETER.matcher(segment);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The template ({@code authors/{username}/posts}). */
    public String path() {
        return segments.size() == 1 ? segments.get(0) : String.join("/", segments);
    }

    /** The template of an item ({@code authors/{username}/posts/{id}}). */
    public List<String> itemSegments() {
        List<String> item = new ArrayList<>(segments);
        item.add("{" + itemParameter() + "}");
        return item;
    }

    /** The name of the item segment's parameter: the key, or {@code id}. */
    public String itemParameter() {
        return key == null ? ApiPaths.ID : key;
    }

    /** The template's parameters, in order. */
    public List<String> parameters() {
        return segments.stream().map(Mount::parameter).filter(p -> p != null).toList();
    }

    /** Whether the template has parameters: its items' paths then depend on the request. */
    public boolean templated() {
        // asked for every row of a listing (each item's path): a parameter starts with '{', a literal never
        for (String segment : segments) {
            if (segment.startsWith("{") && parameter(segment) != null) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
