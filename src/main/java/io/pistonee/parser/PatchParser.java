package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Reads the bodies of PATCH requests: {@code application/merge-patch+json} (RFC 7396) and
 * {@code application/json-patch+json} (RFC 6902). Both are JSON, read with the same limits and 400s
 * as {@link JsonParser}. These types are accepted on PATCH only, and PATCH accepts nothing else.
 */
@Provider
@ApplicationScoped
@Consumes({PatchParser.MERGE_PATCH, PatchParser.JSON_PATCH})
public class PatchParser extends JsonParser {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String JSON_PATCH = "application/json-patch+json";
    public static final List<MediaType> TYPES = List.of(MediaType.valueOf(MERGE_PATCH), MediaType.valueOf(JSON_PATCH));

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    /** Applies a patch document of the given type to a target. */
    public static JsonNode apply(MediaType type, JsonNode target, JsonNode patch) {
        return type != null && type.isCompatible(TYPES.get(1))
                ? JsonPatch.apply(target, patch)
                : MergePatch.apply(target, patch);
    }
}
