package io.pistonee.emitter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;

/** The emitter chosen for the current request by {@link FormatFilter}. */
@RequestScoped
public class SelectedFormat {

    private Emitter emitter;

    void select(Emitter chosen) {
        this.emitter = chosen;
    }

    /** The chosen emitter, or {@code null} before selection or when none was acceptable. */
    public Emitter emitter() {
        return emitter;
    }

    /** The {@code Content-Type} of a successful response. */
    public MediaType mediaType() {
        return emitter == null
                ? MediaType.APPLICATION_JSON_TYPE
                : emitter.mediaTypes().get(0);
    }
}
