package io.pistonee.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.ParseFailures;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads HTML form bodies ({@code application/x-www-form-urlencoded}) into an object of strings:
 * {@code title=Hello&content=World} is {@code {"title": "Hello", "content": "World"}}; a name given
 * more than once makes an array. Binding converts the strings as the input type needs. UTF-8 unless
 * the type names another charset; a malformed escape, or bytes that are not text in that charset,
 * answer 400.
 */
@Provider
@ApplicationScoped
@Priority(400)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormParser extends BodyParser {

    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED_TYPE);

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException {
        Charset charset = charset(type);
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        Set<String> repeated = new HashSet<>();
        for (String pair : new String(body.readAllBytes(), StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            add(form, repeated, name, JsonNodeFactory.instance.textNode(value));
        }
        return form;
    }

    /** Adds a member; a name given again makes an array of every value given ({@code repeated} tracks which). */
    static void add(ObjectNode object, Set<String> repeated, String name, JsonNode value) {
        JsonNode present = object.get(name);
        if (present == null) {
            object.set(name, value);
        } else if (repeated.add(name)) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            values.add(present);
            values.add(value);
            object.set(name, values);
        } else {
            ((ArrayNode) present).add(value);
        }
    }

    /** The charset a body of this type is in: its {@code charset} parameter, else UTF-8. */
    static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw Rc.UNSUPPORTED_MEDIA_TYPE.error(
                    "The charset '" + ParseFailures.shorten(name) + "' is not supported.");
        }
    }

    /** Decodes one name or value: {@code +} is a space, {@code %XX} a byte; the bytes must be valid text. */
    private static String decode(String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? hex(text.charAt(i + 1)) : -1;
                int low = i + 2 < text.length() ? hex(text.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw Rc.BAD_REQUEST.error("Malformed form data: '%' must be followed by two hexadecimal digits.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        return text(bytes.toByteArray(), charset);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Bytes as text of a charset: 400 for bytes that are not text in it, rather than a silent U+FFFD. */
    static String text(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Rc.BAD_REQUEST.error("Malformed form data: the text is not valid " + charset.name() + ".");
        }
    }
}
