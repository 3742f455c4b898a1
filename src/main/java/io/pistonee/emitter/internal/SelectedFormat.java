package io.pistonee.emitter.internal;

import io.pistonee.emitter.Emitter;
import jakarta.ws.rs.core.MediaType;

/**
 * The emitter chosen for the current request by {@link FormatFilter}, and a JSONP callback if any.
 * Request-scoped: one instance per request, made by {@code io.pistonee.resource.internal.RequestState}.
 */
public class SelectedFormat {

    /** The type of a JSONP response. */
    public static final MediaType JAVASCRIPT = new MediaType("application", "javascript");

    private Emitter emitter;
    private MediaType type;
    private String callback;

    void select(Emitter chosen, MediaType responseType) {
        this.emitter = chosen;
        this.type = responseType;
    }

    void callback(String name) {
        this.callback = name;
    }

    /** The chosen emitter, or {@code null} before selection or when none was acceptable. */
    public Emitter emitter() {
        return emitter;
    }

    /** The JSONP callback the JSON is wrapped in, or {@code null}. */
    public String callback() {
        return callback;
    }

    /** The {@code Content-Type} of a successful response. */
    public MediaType mediaType() {
        if (callback != null) {
            return JAVASCRIPT;
        }
        return emitter == null ? MediaType.APPLICATION_JSON_TYPE : type;
    }
}
