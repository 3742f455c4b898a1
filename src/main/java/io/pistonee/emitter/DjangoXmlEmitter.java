package io.pistonee.emitter;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.fields.ModelItem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code django-xml}: Django's XML serialization ({@code application/vnd.django+xml}), byte for byte
 * what {@code django.core.serializers.serialize("xml", queryset)} writes, so
 * {@code serializers.deserialize("xml", body)} loads it into an equivalent Django model:
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="utf-8"?>
 * <django-objects version="1.0"><object model="blog.blogpost" pk="1"><field name="title" type="CharField">Hello</field><field name="author" rel="ManyToOneRel" to="blog.author">1</field><field name="created_on" type="DateTimeField">2026-11-01T09:00:00+00:00</field></object></django-objects>
 * }</pre>
 *
 * The same items and fields as the {@link DjangoEmitter django} format, one {@code <object>} each,
 * every field with the type of the Django model field that would hold it (see
 * {@link ModelItem.FieldType}); values as Django's {@code value_to_string} writes them ({@link
 * DjangoValues}): {@code None} as {@code <None></None>}, date-times in UTC with Python's
 * {@code isoformat()}, booleans {@code True}/{@code False}, relations by key. Collections are
 * streamed item by item; errors go out as JSON problems. A character XML 1.0 cannot hold (which
 * Django refuses to write) is written as U+FFFD, as the {@code xml} format does.
 */
@Provider
@ApplicationScoped
@Priority(700)
@Produces(DjangoXmlEmitter.MEDIA_TYPE)
public class DjangoXmlEmitter implements Emitter {

    static final String MEDIA_TYPE = "application/vnd.django+xml";

    @Override
    public String format() {
        return "django-xml";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(MediaType.valueOf(MEDIA_TYPE));
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<django-objects version=\"1.0\">");
        if (emission.isSequence()) {
            for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                object(emission.storedForm(items.next()), writer);
            }
        } else {
            object(emission.storedForm(emission.value()), writer);
        }
        writer.write("</django-objects>");
        writer.flush();
    }

    private static void object(ModelItem item, Writer out) throws IOException {
        out.write("<object");
        attribute("model", item.model(), out);
        if (!item.pk().isNull()) {
            attribute("pk", item.pk().asText(), out);
        }
        out.write('>');
        for (Map.Entry<String, JsonNode> field : item.fields().properties()) {
            field(field.getKey(), item.type(field.getKey()), field.getValue(), out);
        }
        out.write("</object>");
    }

    private static void field(String name, ModelItem.FieldType type, JsonNode value, Writer out) throws IOException {
        out.write("<field");
        attribute("name", name, out);
        if (type.rel() != null) {
            attribute("rel", type.rel(), out);
            attribute("to", type.to(), out);
        } else {
            attribute("type", type.name(), out);
        }
        out.write('>');
        if (value == null || value.isNull()) {
            out.write("<None></None>");
        } else if (type.name().equals("ManyToManyField")) {
            for (JsonNode key : value) {
                out.write("<object");
                attribute("pk", key.asText(), out);
                out.write("></object>");
            }
        } else {
            text(DjangoValues.string(type.name(), value), out);
        }
        out.write("</field>");
    }

    /** Text as Python's {@code xml.sax.saxutils.escape} writes it: {@code &}, {@code <}, {@code >} escaped. */
    private static void text(String text, Writer out) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                default -> out.write(writable(text, i) ? c : '\uFFFD');
            }
        }
    }

    /**
     * An attribute as Python's {@code quoteattr} writes it: escaped like text, line breaks and tabs as
     * character references, in double quotes unless the value holds a double quote and no single one.
     */
    private static void attribute(String name, String value, Writer out) throws IOException {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append("&#9;");
                default -> escaped.append(writable(value, i) ? c : '\uFFFD');
            }
        }
        String quoted = escaped.toString();
        char quote = '"';
        if (quoted.indexOf('"') >= 0) {
            if (quoted.indexOf('\'') >= 0) {
                quoted = quoted.replace("\"", "&quot;");
            } else {
                quote = '\'';
            }
        }
        out.write(' ');
        out.write(name);
        out.write('=');
        out.write(quote);
        out.write(quoted);
        out.write(quote);
    }

    /** Whether the char at {@code i} may stand in an XML 1.0 document (a surrogate only as half of a pair). */
    private static boolean writable(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r';
    }
}
