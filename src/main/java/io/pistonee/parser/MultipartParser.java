package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.ParseFailures;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of multipart forms ({@code multipart/form-data}, RFC 7578) into an object of
 * strings, like {@link FormParser}: each part's {@code name} is a member, its content the value (in
 * the part's charset, UTF-8 by default); a name given more than once makes an array.
 *
 * <p>Fields only: a part with a {@code filename} (a file upload) answers 400, as does a body that is
 * not well-formed multipart or lacks the {@code boundary} parameter.
 */
@Provider
@ApplicationScoped
@Priority(500)
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class MultipartParser extends BodyParser {

    private static final List<MediaType> TYPES = List.of(MediaType.MULTIPART_FORM_DATA_TYPE);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\*?=");

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException {
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw Rc.BAD_REQUEST.error("A multipart body needs a boundary parameter of 1 to 70 characters.");
        }
        byte[] bytes = body.readAllBytes();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(bytes, delimiter, 0);
        if (at < 0) {
            throw malformed("the boundary never appears");
        }
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        Set<String> repeated = new HashSet<>();
        at += delimiter.length;
        while (!startsWith(bytes, at, new byte[] {'-', '-'})) {
            if (!startsWith(bytes, at, CRLF)) {
                throw malformed("a boundary is not followed by a line break");
            }
            int end = indexOf(bytes, next, at + 2);
            if (end < 0) {
                throw malformed("the closing boundary is missing");
            }
            part(Arrays.copyOfRange(bytes, at + 2, end), form, repeated);
            at = end + next.length;
        }
        return form;
    }

    private static void part(byte[] part, ObjectNode form, Set<String> repeated) {
        int split = indexOf(part, HEADERS_END, 0);
        String headers = split < 0 ? new String(part, StandardCharsets.ISO_8859_1) : headerText(part, split);
        if (split < 0 && !headers.isEmpty()) {
            throw malformed("a part's headers do not end with an empty line");
        }
        String disposition = null;
        MediaType type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = mediaType(value);
            }
        }
        Matcher fieldName = disposition == null ? null : NAME.matcher(disposition);
        if (fieldName == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data") || !fieldName.find()) {
            throw malformed("a part has no Content-Disposition: form-data with a name");
        }
        if (FILENAME.matcher(disposition).find()) {
            throw Rc.BAD_REQUEST.error("File uploads are not accepted: part '"
                    + ParseFailures.shorten(fieldName.group(1)) + "' has a filename. Send form fields only.");
        }
        byte[] content = split < 0 ? new byte[0] : Arrays.copyOfRange(part, split + HEADERS_END.length, part.length);
        String value = FormParser.text(content, FormParser.charset(type));
        FormParser.add(form, repeated, fieldName.group(1), JsonNodeFactory.instance.textNode(value));
    }

    private static String headerText(byte[] part, int split) {
        return FormParser.text(Arrays.copyOf(part, split), StandardCharsets.UTF_8);
    }

    private static MediaType mediaType(String value) {
        try {
            return MediaType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw malformed("a part's Content-Type is malformed");
        }
    }

    private static ProblemException malformed(String why) {
        return Rc.BAD_REQUEST.error("Malformed multipart body: " + why + ".");
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return at + prefix.length <= bytes.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    static int indexOf(byte[] bytes, byte[] needle, int from) {
        for (int i = Math.max(from, 0); i + needle.length <= bytes.length; i++) {
            if (startsWith(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
