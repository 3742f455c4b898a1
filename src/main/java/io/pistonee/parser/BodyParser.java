package io.pistonee.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.LimitedInputStream;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * A parser that reads a whole body into a tree under {@code piston.max-body-bytes}: 413 from
 * {@code Content-Length} before reading, or as soon as the limit is passed; 400 for an empty body,
 * and for text that holds a character some format cannot write (see {@code Characters}).
 * Subclasses say how one format becomes a tree.
 *
 * <pre>{@code
 * @Provider
 * @ApplicationScoped
 * @Consumes("text/plain")
 * public class TextParser extends BodyParser {
 *     public List<MediaType> mediaTypes() { return List.of(MediaType.TEXT_PLAIN_TYPE); }
 *     protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException {
 *         return TextNode.valueOf(new String(body.readAllBytes(), StandardCharsets.UTF_8));
 *     }
 * }
 * }</pre>
 */
public abstract class BodyParser implements Parser {

    /** A {@code Content-Length} short enough to be a {@code long} (compiled once, not per request). */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /** Long enough to say what went wrong, short enough not to echo a hostile body back. */
    private static final int MAX_MESSAGE = 160;

    /** Jackson's "(start marker at [Source: ...])" and "enable `SomeFeature` to allow" parts. */
    private static final Pattern PARSER_INTERNALS =
            Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|[:;,]?\\s*(?:enable|use) `[^`]*`[^.;:]*");

    @Inject
    PistonConfig config;

    /**
     * Parses a body, already limited in size, into a tree; {@code null} or a missing node means the
     * body was empty. Throw a {@link ProblemException} (400) for malformed input.
     */
    protected abstract JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException;

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
        return read(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH), mediaType, config);
    }

    /** Parses a body of a type under the configured limits. */
    RequestData read(InputStream body, String contentLength, MediaType type, PistonConfig config) {
        long limit = config.maxBodyBytes();
        if (contentLength != null && DIGITS.matcher(contentLength).matches() && Long.parseLong(contentLength) > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
        JsonNode tree;
        try {
            tree = parse(new LimitedInputStream(body, limit), type, config);
        } catch (IOException | RuntimeException e) {
            throw problem(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw Rc.BAD_REQUEST.error("The request body is empty: a document is required.");
        }
        Characters.requireCarriable(tree);
        return new RequestData(tree);
    }

    /** A problem thrown while parsing (the size limit's 413 included) stays itself, wherever it is wrapped. */
    private static RuntimeException problem(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (failure instanceof RuntimeException runtime && !(failure instanceof IllegalArgumentException)) {
            return runtime;
        }
        return Rc.BAD_REQUEST.error("The request body could not be read.");
    }

    /** 400 for a Jackson parser failure of a format ("JSON", "YAML"), with the line and column. */
    static ProblemException malformed(String format, JsonProcessingException e, PistonConfig config) {
        if (e instanceof StreamConstraintsException) {
            return Rc.BAD_REQUEST.error("The " + format + " document exceeds a parser limit (nesting deeper than "
                    + config.maxDepth() + " levels, or a value too long).");
        }
        return Rc.BAD_REQUEST.error("Malformed " + format + where(e.getLocation()) + ": "
                + shorten(withoutInternals(e.getOriginalMessage())));
    }

    /** A parser's message without what only its own configuration means: source descriptions, feature switches. */
    static String withoutInternals(String message) {
        return message == null ? null : PARSER_INTERNALS.matcher(message).replaceAll("");
    }

    static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String shorten(String message) {
        String line =
                message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
