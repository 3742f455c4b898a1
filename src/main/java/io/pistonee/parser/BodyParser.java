package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.LimitedInputStream;
import io.pistonee.parser.internal.ParseFailures;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * A parser that reads a whole body into a tree under {@code piston.max-body-bytes}: 413 from
 * {@code Content-Length} before reading, or as soon as the limit is passed; 400 for an empty body,
 * for text that holds a character some format cannot write (see {@code Characters}), and for every
 * exception the parsing raises (see {@code ParseFailures}). Subclasses say how one format becomes a
 * tree.
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

    @Inject
    PistonConfig config;

    /**
     * Parses a body, already limited in size, into a tree; {@code null} or a missing node means the
     * body was empty. Throw a {@link ProblemException} (400) for what the format allows but the
     * framework refuses; let the parsing library's own exceptions through, however late it raises
     * them: each one answers 400 (a syntax error with its line and column), never 500.
     */
    protected abstract JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws Exception;

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
        } catch (Exception e) {
            throw ParseFailures.of(e, type, config.maxDepth());
        }
        if (tree == null || tree.isMissingNode()) {
            throw Rc.BAD_REQUEST.error("The request body is empty: a document is required.");
        }
        Characters.requireCarriable(tree);
        return new RequestData(tree);
    }
}
