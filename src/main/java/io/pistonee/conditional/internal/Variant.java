package io.pistonee.conditional.internal;

import io.pistonee.fields.internal.FieldSpec;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What selects one representation of a state, besides the state itself: the handler that shaped it
 * (the anonymous twin or the handler named in the path) with the field spec it used, the client's
 * {@code ?fields=} narrowing, the media type and a JSONP callback. Every entity tag ends in this
 * variant's {@link #key()}, so two representations never share a tag (RFC 9110 §8.8.3), while the
 * state part before it stays what {@code If-Match} compares.
 *
 * @param handler the handler class that shaped the representation
 * @param spec the field spec it used (for one item or for a collection's items)
 * @param narrowing the client's {@code ?fields=}, or {@code null}
 * @param type the media type of the representation
 * @param callback the JSONP callback, or {@code null}
 */
public record Variant(Class<?> handler, FieldSpec spec, FieldSpec narrowing, MediaType type, String callback) {

    /** The length of {@link #key()}: 48 bits of SHA-256 in base64url, plenty for a resource's few variants. */
    static final int KEY_LENGTH = 8;

    /**
     * A short key that is the same for the same variant on every instance and after every restart: a
     * hash of the handler's class name, both field specs, the media type (parameters sorted) and the
     * callback.
     */
    public String key() {
        String description = String.join(
                "\n",
                handler.getName(),
                describe(spec),
                describe(narrowing),
                describe(type),
                callback == null ? "" : callback);
        return EntityTags.encode(EntityTags.sha256().digest(description.getBytes(StandardCharsets.UTF_8)))
                .substring(0, KEY_LENGTH);
    }

    private static String describe(FieldSpec spec) {
        if (spec == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(spec.toString());
        for (Pattern exclude : spec.exclude()) {
            text.append(" -").append(exclude.pattern());
        }
        return text.toString();
    }

    private static String describe(MediaType type) {
        if (type == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(type.getType() + '/' + type.getSubtype());
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        parameters.putAll(type.getParameters());
        parameters.forEach(
                (name, value) -> text.append(';').append(name).append('=').append(value));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
