package io.pistonee.emitter;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * An output format: a {@code MessageBodyWriter} of {@link Emission} that is also a CDI bean, with the
 * name clients use in {@code ?format=}.
 *
 * <pre>{@code
 * @Provider
 * @ApplicationScoped
 * @Produces("text/plain")
 * public class TextEmitter implements Emitter {
 *     public String format() { return "text"; }
 *     public List<MediaType> mediaTypes() { return List.of(MediaType.TEXT_PLAIN_TYPE); }
 *     public void emit(Emission emission, MediaType type, MultivaluedMap<String, Object> headers,
 *             OutputStream out) throws IOException { ... }
 * }
 * }</pre>
 *
 * The first media type is the one responses carry; the others also select this emitter in
 * {@code Accept}. The emitter writes {@link Emission#tree shaped trees}, never raw objects, so the
 * field spec holds in every format.
 */
public interface Emitter extends MessageBodyWriter<Emission> {

    /** The format's name in {@code ?format=}: {@code json}, {@code yaml}... */
    String format();

    /** The media types that select this emitter; the first is the response's {@code Content-Type}. */
    List<MediaType> mediaTypes();

    /** The type a problem is written as in this format, or {@code null} if problems go out as JSON. */
    default MediaType problemType() {
        return null;
    }

    /**
     * Writes an emission: a sequence item by item ({@link Emission#items()}), anything else as one
     * tree. Leave {@code out} open.
     *
     * @param type the response's media type: one of {@link #mediaTypes()}, or {@link #problemType()}
     *     when the emission is a problem
     * @param headers the response headers, still open to changes
     */
    void emit(Emission emission, MediaType type, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException;

    @Override
    default void writeTo(
            Emission emission,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        emit(emission, mediaType, headers, out);
    }

    /** Emitters write emissions only: the handler's shaped results and problems. */
    @Override
    default boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Emission.class;
    }
}
