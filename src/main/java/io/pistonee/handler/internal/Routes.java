package io.pistonee.handler.internal;

import io.pistonee.handler.Operation;
import io.pistonee.problem.Rc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table: every handler's collection template and item template, matched against a
 * request's path segments under the API root. Where several templates match, the one with a literal
 * earliest where the others have a parameter wins (the most literal match), so {@code authors/me}
 * beats {@code authors/{username}}. Two templates of the same shape (the same literals at the same
 * places, parameters anywhere else) collide: that fails the deployment, naming both handlers. A prefix
 * of a template that is another handler's item template makes that handler the parent of the
 * parameter it ends with ({@code authors/{username}} in {@code authors/{username}/posts}).
 */
public final class Routes {

    /** One template of one handler: its collection or its items. */
    private record Template(HandlerDescriptor handler, Operation.Target target, List<String> segments) {

        /** The values of the parameters if the path matches, else {@code null}. */
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < path.size(); i++) {
                String parameter = Mount.parameter(segments.get(i));
                if (parameter != null) {
                    values.put(parameter, path.get(i));
                } else if (!segments.get(i).equals(path.get(i))) {
                    return null;
                }
            }
            return values;
        }

        /** The template's shape: literals as they are, every parameter alike. */
        String shape() {
            return String.join(
                    "/",
                    segments.stream()
                            .map(s -> Mount.parameter(s) == null ? s : "{}")
                            .toList());
        }

        String describe() {
            return "@Handler(\"" + handler.name() + "\") on "
                    + handler.handlerClass().getName() + " at '" + String.join("/", segments) + "'";
        }
    }

    /**
     * A request routed: the handler, the target, the template's values by parameter (the item's own
     * under the item parameter) and the handler owning each parameter as its item key, if any.
     */
    public record Routed(
            HandlerDescriptor handler,
            Operation.Target target,
            Map<String, String> values,
            Map<String, HandlerDescriptor> owners) {

        /** The item segment's value, for an item; else {@code null}. */
        public String id() {
            return target == Operation.Target.ITEM ? values.get(handler.mount().itemParameter()) : null;
        }

        /** The template's values without the item's own: what the route hands the handler. */
        public Map<String, String> templateValues() {
            Map<String, String> template = new LinkedHashMap<>(values);
            if (target == Operation.Target.ITEM) {
                template.remove(handler.mount().itemParameter());
            }
            return template;
        }
    }

    private static final Comparator<Template> MOST_LITERAL = (a, b) -> {
        for (int i = 0; i < a.segments().size(); i++) {
            boolean literalA = Mount.parameter(a.segments().get(i)) == null;
            boolean literalB = Mount.parameter(b.segments().get(i)) == null;
            if (literalA != literalB) {
                return literalA ? -1 : 1;
            }
        }
        return 0;
    };

    private final Map<Integer, List<Template>> bySize;
    private final Map<String, Map<String, HandlerDescriptor>> owners;

    private Routes(Map<Integer, List<Template>> bySize, Map<String, Map<String, HandlerDescriptor>> owners) {
        this.bySize = bySize;
        this.owners = owners;
    }

    /** The table of these handlers; {@link IllegalStateException} naming both handlers of a collision. */
    public static Routes of(Collection<HandlerDescriptor> handlers) {
        Map<String, Template> shapes = new LinkedHashMap<>();
        Map<Integer, List<Template>> bySize = new LinkedHashMap<>();
        for (HandlerDescriptor handler : handlers) {
            for (Template template : List.of(
                    new Template(
                            handler,
                            Operation.Target.COLLECTION,
                            handler.mount().segments()),
                    new Template(handler, Operation.Target.ITEM, handler.mount().itemSegments()))) {
                Template other = shapes.putIfAbsent(template.shape(), template);
                if (other != null) {
                    throw new IllegalStateException("Two handlers collide: " + other.describe() + " and "
                            + template.describe() + " match the same paths");
                }
                bySize.computeIfAbsent(template.segments().size(), size -> new ArrayList<>())
                        .add(template);
            }
        }
        bySize.values().forEach(templates -> templates.sort(MOST_LITERAL));
        Map<String, Map<String, HandlerDescriptor>> owners = new LinkedHashMap<>();
        for (HandlerDescriptor handler : handlers) {
            owners.put(handler.name(), owners(handler, shapes));
        }
        return new Routes(bySize, owners);
    }

    /** For each parameter of a handler's template, the handler whose item template its prefix is. */
    private static Map<String, HandlerDescriptor> owners(HandlerDescriptor handler, Map<String, Template> shapes) {
        Map<String, HandlerDescriptor> owners = new LinkedHashMap<>();
        List<String> segments = handler.mount().segments();
        for (int i = 0; i < segments.size(); i++) {
            String parameter = Mount.parameter(segments.get(i));
            Template prefix = parameter == null
                    ? null
                    : shapes.get(new Template(handler, Operation.Target.ITEM, segments.subList(0, i + 1)).shape());
            if (prefix != null && prefix.target() == Operation.Target.ITEM && prefix.handler() != handler) {
                owners.put(parameter, prefix.handler());
            }
        }
        return owners;
    }

    /**
     * What is wrong with the mounts of a set of handlers, in words fit for a deployment error: two
     * templates that collide, and a handler tied to a parent (its {@code parent} attribute) whose path
     * has none.
     */
    public static List<String> problems(Collection<HandlerDescriptor> handlers) {
        Routes routes;
        try {
            routes = of(handlers);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (HandlerDescriptor handler : handlers) {
            if (handler.mount().parent() != null && routes.owners(handler).isEmpty()) {
                problems.add("@Handler(\"" + handler.name() + "\") on "
                        + handler.handlerClass().getName()
                        + ": parent = \"" + handler.mount().parent() + "\", but no prefix of its path '"
                        + handler.mount().path() + "' is another handler's item path");
            }
        }
        return problems;
    }

    /** The route of a path under the API root (its decoded segments), if any template matches. */
    public Optional<Routed> find(List<String> path) {
        for (Template template : bySize.getOrDefault(path.size(), List.of())) {
            Map<String, String> values = template.match(path);
            if (values != null) {
                return Optional.of(new Routed(
                        template.handler(),
                        template.target(),
                        values,
                        owners.get(template.handler().name())));
            }
        }
        return Optional.empty();
    }

    /** The route of a path; 404 when no handler is mounted there. */
    public Routed require(List<String> path) {
        return find(path)
                .orElseThrow(() -> Rc.NOT_FOUND.error(
                        path.size() == 1
                                ? "There is no resource named '" + path.get(0) + "'."
                                : "There is no resource at this path."));
    }

    /** The handlers owning a handler's template parameters as their items' key, by parameter. */
    public Map<String, HandlerDescriptor> owners(HandlerDescriptor handler) {
        return owners.getOrDefault(handler.name(), Map.of());
    }
}
