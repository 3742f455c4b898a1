package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads JSON bodies ({@code application/json}).
 *
 * <p>Malformed JSON, an empty body and trailing content after the document answer 400 with the line
 * and column; duplicate keys answer 400; nesting deeper than {@code piston.max-depth} (64) answers
 * 400; a body over {@code piston.max-body-bytes} answers 413.
 */
@Provider
@ApplicationScoped
@Priority(100)
@Consumes(MediaType.APPLICATION_JSON)
public class JsonParser extends BodyParser {

    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_JSON_TYPE);

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException {
        return config.mapper().readTree(body);
    }

    /** Parses a JSON body under the configured limits. */
    static RequestData read(InputStream body, String contentLength, PistonConfig config) {
        return new JsonParser().read(body, contentLength, MediaType.APPLICATION_JSON_TYPE, config);
    }
}
