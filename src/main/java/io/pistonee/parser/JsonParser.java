package io.pistonee.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Reads JSON bodies ({@code application/json}).
 *
 * <p>Malformed JSON, an empty body and trailing content after the document answer 400 with the line
 * and column; a body over {@code piston.max-body-bytes} answers 413 (from {@code Content-Length}
 * before reading, or as soon as the limit is passed); nesting deeper than 200 levels answers 400.
 */
@Provider
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
public class JsonParser implements Parser {

    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_JSON_TYPE);
    /** Long enough to say what went wrong, short enough not to echo a hostile body back. */
    private static final int MAX_MESSAGE = 160;

    @Inject
    PistonConfig config;

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RequestData.class;
    }

    @Override
    public RequestData readFrom(
            Class<RequestData> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        return read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH), config);
    }

    /** Parses a JSON body under the configured limits. */
    static RequestData read(InputStream body, String contentLength, PistonConfig config) {
        long limit = config.maxBodyBytes();
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
        try {
            JsonNode tree = config.mapper().readTree(new LimitedInputStream(body, limit));
            if (tree == null || tree.isMissingNode()) {
                throw Rc.BAD_REQUEST.error("The request body is empty: a JSON document is required.");
            }
            return new RequestData(tree);
        } catch (StreamConstraintsException e) {
            throw Rc.BAD_REQUEST.error("The JSON document exceeds a parser limit (nesting deeper than "
                    + config.mapper().getFactory().streamReadConstraints().getMaxNestingDepth()
                    + " levels, or a value too long).");
        } catch (JsonProcessingException e) {
            throw Rc.BAD_REQUEST.error(
                    "Malformed JSON" + where(e.getLocation()) + ": " + shorten(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw Rc.BAD_REQUEST.error("The request body could not be read.");
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String shorten(String message) {
        String line =
                message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
