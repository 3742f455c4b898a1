package io.pistonee.parser.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * What a failure while reading a request body means to the client: always a 4xx problem, never a
 * 500. A parser's only input is the body, so whatever it throws, and however late, the body caused
 * it. Parsing libraries report some errors lazily, as unchecked exceptions from a later call:
 * Woodstox's {@code WstxLazyException} from {@code getText()} (an undeclared entity or a bad
 * character in an element's text, a malformed end tag after text), Jackson's and SnakeYAML's while a
 * tree is built or a document composed. So the causes are searched, whatever wraps them:
 * <ul>
 *   <li>a {@link ProblemException} (the parser's own 400, the size limit's 413) stays itself, as
 *       does the platform's own 4xx;</li>
 *   <li>a parser limit of Jackson's (depth, length of a number or a string) is 400 saying so;</li>
 *   <li>an XML or Jackson syntax error is 400 "Malformed XML (JSON, YAML) at line l, column c: ..."
 *       with the parser's first line, stripped of its switches and source descriptions;</li>
 *   <li>bytes that are not text in the body's charset, and numbers the parser cannot read, are 400
 *       saying so;</li>
 *   <li>anything else (an I/O failure of the client's stream, a library's unchecked exception) is
 *       400 "The request body could not be read", logged at {@code FINE} (a client must not be able
 *       to fill the log).</li>
 * </ul>
 */
public final class ParseFailures {

    private static final Logger LOG = Logger.getLogger(ParseFailures.class.getName());

    /** Long enough to say what went wrong, short enough not to echo a hostile body back. */
    private static final int MAX_MESSAGE = 160;

    /**
     * What in a parser's message only its own code and configuration mean, each with an example:
     * where Jackson's source is, the type it binds, its switches, SnakeYAML's events, a wrapped
     * exception's class name.
     */
    private static final Pattern PARSER_INTERNALS = Pattern.compile(String.join(
            "|",
            "\\s*\\([^()\\[]*\\[Source:[^\\]]*\\]\\)", // (for Object starting at [Source: REDACTED; line: 1])
            "\\s*\\(bound as `[^`]*`\\)", // (bound as `com.fasterxml.jackson.databind.JsonNode`)
            "[:;,]?\\s*(?:enable|use|not allowed as per) `[^`]*`[^.;:]*", // : enable `JsonReadFeature.X` to allow
            "\\s*\\(consider enabling `[^`]*`[^)]*\\)", // (consider enabling `JsonReadFeature.X` ...)
            ",?\\s*got this instead: <[^>]*>", // got this instead: <org.yaml.snakeyaml.events.MappingStartEvent()>
            "\\s*(?:due to )?\\((?:[a-z]+\\.)+[A-Z]\\w*\\)", // due to (java.lang.NumberFormatException)
            "(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error):\\s*")); // java.io.CharConversionException: ...

    private ParseFailures() {}

    /**
     * The problem for a failure while a body of a type was read.
     *
     * @param maxDepth the configured nesting limit, named when a parser limit is passed
     */
    public static RuntimeException of(Throwable failure, MediaType type, int maxDepth) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            RuntimeException answered = answered(cause);
            if (answered != null) {
                return answered;
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            RuntimeException problem = known(cause, type, maxDepth);
            if (problem != null) {
                return problem;
            }
        }
        LOG.log(Level.FINE, "A request body could not be read", failure);
        return Rc.BAD_REQUEST.error("The request body could not be read as " + format(type) + ".");
    }

    /** A failure that already is an answer: a problem (the size limit's 413 included), the platform's 4xx. */
    private static RuntimeException answered(Throwable cause) {
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        return cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500 ? web : null;
    }

    private static RuntimeException known(Throwable cause, MediaType type, int maxDepth) {
        if (cause instanceof StreamConstraintsException) {
            return Rc.BAD_REQUEST.error("The " + format(type) + " document exceeds a parser limit (nesting deeper than "
                    + maxDepth + " levels, or a value too long).");
        }
        if (cause instanceof JsonProcessingException json) {
            return malformed(format(type), where(json.getLocation()), json.getOriginalMessage());
        }
        if (cause instanceof XMLStreamException xml) {
            return malformed("XML", where(xml.getLocation()), xml.getMessage());
        }
        if (cause instanceof CharConversionException encoding) {
            return malformed(format(type), "", encoding.getMessage());
        }
        if (cause instanceof CharacterCodingException) {
            return Rc.BAD_REQUEST.error("The request body is not valid text in its charset.");
        }
        if (cause instanceof NumberFormatException number) {
            return malformed(format(type), "", "a number cannot be read (" + number.getMessage() + ")");
        }
        return null;
    }

    private static ProblemException malformed(String format, String where, String message) {
        return Rc.BAD_REQUEST.error("Malformed " + format + where + ": " + shorten(withoutInternals(message)));
    }

    /** The format a type names, in a client's words: JSON, YAML, XML, form data... */
    static String format(MediaType type) {
        String subtype = type == null ? "" : type.getSubtype().toLowerCase(Locale.ROOT);
        String name = subtype.substring(subtype.lastIndexOf('+') + 1);
        return switch (name.startsWith("x-") ? name.substring(2) : name) {
            case "json" -> "JSON";
            case "yaml" -> "YAML";
            case "xml" -> "XML";
            case "www-form-urlencoded" -> "form data";
            case "form-data" -> "multipart form data";
            default -> "the request body";
        };
    }

    /** A parser's message without what only its own configuration means: source descriptions, feature switches. */
    static String withoutInternals(String message) {
        return message == null ? null : PARSER_INTERNALS.matcher(message).replaceAll("");
    }

    /** " at line l, column c", or nothing when the parser does not know. */
    public static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String where(Location location) {
        return location == null || location.getLineNumber() < 0
                ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The first line of a message, cut short: enough to say what went wrong, never a hostile body echoed back. */
    public static String shorten(String message) {
        String line =
                message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof XMLStreamException xml) {
            next = xml.getNestedException();
        }
        return next == cause ? null : next;
    }
}
