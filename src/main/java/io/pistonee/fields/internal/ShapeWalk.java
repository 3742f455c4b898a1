package io.pistonee.fields.internal;

import static java.time.format.DateTimeFormatter.ISO_INSTANT;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.BaseStream;

/**
 * One shaping run: carries the API root and the output, the objects on the current path (an
 * object met again below itself is a cycle: an entity is then emitted as its id, anything else as
 * {@code null}) and guards the depth.
 */
final class ShapeWalk {
    /** Far deeper than any representation; cycles are cut before, so only a runaway result gets here. */
    private static final int MAX_DEPTH = 1000;

    private final Shaper shaper;
    private final URI apiRoot;
    private final ShapeOutput out;
    /**
     * The containers on the current path, compared by identity: a short stack scanned rather than
     * an identity set, which would hash every row (an identity hash is dear the first time).
     */
    private Object[] path = new Object[8];

    private int depthOfPath;

    ShapeWalk(Shaper shaper, URI apiRoot, ShapeOutput out) {
        this.shaper = shaper;
        this.apiRoot = apiRoot;
        this.out = out;
    }

    void value(Object value, FieldSpec spec, FieldSpec narrow, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Result nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Optional<?> optional) {
            value(optional.orElse(null), spec, narrow, depth);
        } else if (!plain(value)) {
            container(value, spec, narrow, depth);
        }
    }

    /**
     * The commonest values of a row, as the mapper would make them but without a round trip through
     * it (shaping runs for every value of every row of a streamed export); {@code false} for others.
     */
    private boolean plain(Object value) {
        if (value == null) {
            out.nothing();
        } else if (value instanceof String text) {
            out.text(text);
        } else if (value instanceof Long number) {
            out.number(number.longValue());
        } else if (value instanceof Integer number) {
            out.number(number.intValue());
        } else if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof JsonNode node) {
            out.tree(node);
        } else if (shaper.isoDates() && value instanceof OffsetDateTime time) {
            out.text(iso(time));
        } else if (shaper.isoDates() && value instanceof Instant instant) {
            out.text(ISO_INSTANT.format(instant));
        } else {
            return false;
        }
        return true;
    }

    /**
     * What {@code ISO_OFFSET_DATE_TIME} writes ({@code 2026-10-01T09:30:00Z}, a fraction only as long
     * as its digits, an offset {@code Z} or {@code +01:00}), without the formatter's general machinery:
     * a streamed export writes one per row. Years outside 0 to 9999 go through the formatter.
     */
    static String iso(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return ISO_OFFSET_DATE_TIME.format(time);
        }
        StringBuilder text = new StringBuilder(36);
        digits(text, year, 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano != 0) {
            int length = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                length--;
            }
            digits(text.append('.'), nano, length);
        }
        return text.append(time.getOffset().getId()).toString();
    }

    /** A non-negative number in at least {@code width} digits, zero-padded. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                text.append('0');
            }
        }
        return text.append(value);
    }

    private void container(Object value, FieldSpec spec, FieldSpec narrow, int depth) {
        boolean container =
                value instanceof Map<?, ?> || Shaper.isSequence(value) || shaper.isBeanLike(value.getClass());
        if (!container) {
            out.tree(shaper.mapper().valueToTree(value));
            return;
        }
        if (!enter(value)) {
            cycle(value, depth);
            return;
        }
        try {
            if (value instanceof Map<?, ?> map) {
                map(map, spec, narrow, depth);
            } else if (Shaper.isSequence(value)) {
                sequence(value, spec, narrow, depth);
            } else {
                bean(value, spec, narrow, depth);
            }
        } finally {
            path[--depthOfPath] = null;
        }
    }

    /** Puts a container on the path; {@code false} if it is on it already (a cycle). */
    private boolean enter(Object value) {
        for (int i = 0; i < depthOfPath; i++) {
            if (path[i] == value) {
                return false;
            }
        }
        if (depthOfPath == path.length) {
            path = Arrays.copyOf(path, depthOfPath * 2);
        }
        path[depthOfPath++] = value;
        return true;
    }

    private void cycle(Object value, int depth) {
        Object id = value instanceof Map<?, ?> || Shaper.isSequence(value) ? null : shaper.idOf(value);
        value(id, null, null, depth + 1);
    }

    private void sequence(Object value, FieldSpec spec, FieldSpec narrow, int depth) {
        out.startArray();
        for (Iterator<?> items = Shaper.items(value); items.hasNext(); ) {
            value(items.next(), spec, narrow, depth + 1);
        }
        out.endArray();
    }

    private void map(Map<?, ?> map, FieldSpec spec, FieldSpec narrow, int depth) {
        out.startObject();
        if (spec == null || spec.isDefault()) {
            map.forEach((key, item) -> {
                String name = String.valueOf(key);
                if ((spec == null || !spec.excludes(name)) && allowed(narrow, name)) {
                    out.name(name);
                    value(item, null, nested(narrow, name), depth + 1);
                }
            });
        } else {
            for (FieldSpec.Field field : spec.fields()) {
                if (map.containsKey(field.name()) && allowed(narrow, field.name())) {
                    out.name(field.name());
                    value(map.get(field.name()), field.nested(), nested(narrow, field.name()), depth + 1);
                }
            }
        }
        out.endObject();
    }

    private void bean(Object bean, FieldSpec spec, FieldSpec narrow, int depth) {
        BeanShape shape = shaper.bean(bean.getClass());
        ModelShape model = shaper.model(shape.type());
        FieldSpec effective = Shaper.effective(spec, model);
        out.startObject();
        if (effective.isDefault()) {
            defaultFields(bean, shape, effective, narrow, depth);
        } else {
            listedFields(bean, shape, model, effective, narrow, depth);
        }
        out.endObject();
    }

    private void defaultFields(Object bean, BeanShape shape, FieldSpec spec, FieldSpec narrow, int depth) {
        for (String name : shape.defaults()) {
            if (!spec.excludes(name) && allowed(narrow, name)) {
                out.name(name);
                related(shape.get(bean, name), nested(narrow, name), depth);
            }
        }
    }

    /** A property value in a default field set: entities (and collections of them) as ids. */
    private void related(Object value, FieldSpec narrow, int depth) {
        if (value != null && BeanShape.entityClass(value.getClass()) != null) {
            value(shaper.idOf(value), null, null, depth + 1);
        } else if (Shaper.isSequence(value)
                && !(value instanceof Iterator<?>)
                && !(value instanceof BaseStream<?, ?>)) {
            out.startArray();
            for (Iterator<?> items = Shaper.items(value); items.hasNext(); ) {
                related(items.next(), narrow, depth + 1);
            }
            out.endArray();
        } else {
            value(value, null, narrow, depth + 1);
        }
    }

    private void listedFields(
            Object bean, BeanShape shape, ModelShape model, FieldSpec spec, FieldSpec narrow, int depth) {
        for (Shaper.Step step : shaper.plan(shape, model, spec)) {
            String name = step.name();
            if (!allowed(narrow, name)) {
                continue;
            }
            out.name(name);
            if (step.computed() != null) {
                value(step.computed().compute(bean), step.nested(), nested(narrow, name), depth + 1);
            } else if (step.property() != null) {
                value(step.property().getValue(bean), step.nested(), nested(narrow, name), depth + 1);
            } else {
                String path = model.path().apply(bean);
                value(path == null ? null : uri(path), null, null, depth + 1);
            }
        }
    }

    /**
     * An item's path resolved against the API root. A plain relative path ({@code posts/42}, its
     * id segment percent-encoded) is appended to the root, which is what resolving it gives,
     * without parsing a URI for every row.
     */
    private String uri(String path) {
        String root = apiRoot.toString();
        boolean plainPath = !path.isEmpty()
                && path.charAt(0) != '/'
                && path.indexOf(':') < 0
                && path.indexOf('?') < 0
                && path.indexOf('#') < 0
                && !path.contains("./")
                && !path.endsWith(".");
        return plainPath && root.endsWith("/") && apiRoot.getRawQuery() == null
                ? root + path
                : apiRoot.resolve(path).toString();
    }

    private static boolean allowed(FieldSpec narrow, String name) {
        return narrow == null || narrow.field(name) != null;
    }

    private static FieldSpec nested(FieldSpec narrow, String name) {
        if (narrow == null) {
            return null;
        }
        FieldSpec.Field field = narrow.field(name);
        return field == null || field.nested() == null || field.nested().isDefault() ? null : field.nested();
    }
}
