package io.pistonee.emitter;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyWriter;
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
 *     public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType media) {
 *         return type == Emission.class;
 *     }
 *     public void writeTo(Emission emission, ...) { ... }
 * }
 * }</pre>
 *
 * The first media type is the one responses carry; the others also select this emitter in
 * {@code Accept}.
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
}
