package io.pistonee.resource.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The application's own JAX-RS resources beside the generic one (the OAuth endpoints, a user's
 * {@code @Path} classes), and the methods each of their paths offers. When JAX-RS answers a method
 * such a path does not offer with 405, {@link MethodNotAllowedMapper} cannot tell from the request
 * alone whether the generic resource or another one matched; this says which methods the other one
 * has, so {@code GET /oauth/token} is a 405 with {@code Allow: OPTIONS, POST}, not a 404 "no resource
 * named 'oauth'". Only classes CDI discovers are seen (with the {@code annotated} discovery mode, those
 * with a scope annotation); sub-resource locators are not followed.
 */
public class OtherResourcesExtension implements Extension {

    private final Map<Pattern, Set<String>> methods = new ConcurrentHashMap<>();

    void collect(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> event) {
        add(event.getAnnotatedType().getJavaClass());
    }

    /** Records the methods of a root resource class. */
    void add(Class<?> type) {
        Path root = type.getAnnotation(Path.class);
        if (root == null || type == PistonResource.class || type.isInterface()) {
            return;
        }
        for (Method method : type.getMethods()) {
            String verb = verb(method);
            if (verb == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            Pattern pattern = pattern(root.value() + (sub == null ? "" : "/" + sub.value()));
            Set<String> allowed = methods.computeIfAbsent(pattern, key -> new TreeSet<>(Set.of("OPTIONS")));
            allowed.add(verb);
            if (verb.equals(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
        }
    }

    /** The methods a path relative to the application offers, empty when no other resource has it. */
    public Set<String> allow(String path) {
        String normalized = trim(path);
        Set<String> allowed = new TreeSet<>();
        methods.forEach((pattern, verbs) -> {
            if (pattern.matcher(normalized).matches()) {
                allowed.addAll(verbs);
            }
        });
        return allowed;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a regular expression: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Pattern pattern(String template) {
        String path = trim(template.replaceAll("/+", "/"));
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = closing(path, i);
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
            String parameter = path.substring(i + 1, end);
            int colon = parameter.indexOf(':');
            regex.append(
                    colon < 0 ? "[^/]+" : "(?:" + parameter.substring(colon + 1).trim() + ")");
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    private static int closing(String path, int open) {
        int depth = 0;
        for (int i = open; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in the path template \"" + path + "\"");
    }

    private static String trim(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
