package io.pistonee.emitter;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Pickler;

/**
 * {@code pickle}: {@code application/python-pickle}, Python's pickle protocol 2 of plain values only
 * (dict, list, str, int, float, bool, None; dates are the ISO-8601 strings other formats carry), so
 * {@code pickle.loads(body)} in Python 3 gives the same data a JSON client gets and can construct no
 * object. Written with Razorvine's pickle library.
 *
 * <p>A collection is streamed like in the other formats: the list is opened, then items are shaped,
 * pickled and written in batches of {@value #BATCH} (each a {@code MARK ... APPENDS}, as Python's own
 * pickler writes lists), so the server holds one item at a time. Python's
 * {@code pickle.loads} still builds the whole list in the client's memory. Errors go out as JSON
 * problems. Request bodies are never unpickled.
 */
@Provider
@ApplicationScoped
@Priority(500)
@Produces(PickleEmitter.MEDIA_TYPE)
public class PickleEmitter implements Emitter {

    static final String MEDIA_TYPE = "application/python-pickle";
    /** Items per {@code APPENDS}: Python's own pickler uses 1000 too. */
    static final int BATCH = 1000;

    @Override
    public String format() {
        return "pickle";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(MediaType.valueOf(MEDIA_TYPE));
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        if (emission.isSequence()) {
            new ListPickler(out).dump(emission);
        } else {
            new Pickler(false).dump(plain(emission.tree(emission.value())), out);
        }
    }

    /**
     * Pickles a sequence as it is read: Razorvine's {@link Pickler} writes each item ({@code save});
     * the list around them is written here with the opcodes Python's pickler uses for a list.
     */
    private static final class ListPickler extends Pickler {
        private static final int PROTO = 0x80;
        private static final int EMPTY_LIST = ']';
        private static final int MARK = '(';
        private static final int APPENDS = 'e';
        private static final int STOP = '.';

        ListPickler(OutputStream stream) {
            super(false);
            out = new BufferedOutputStream(stream, 1 << 16);
        }

        void dump(Emission emission) throws IOException {
            out.write(PROTO);
            out.write(PROTOCOL);
            out.write(EMPTY_LIST);
            int batch = 0;
            for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                if (batch == 0) {
                    out.write(MARK);
                }
                save(plain(emission.tree(items.next())));
                if (++batch == BATCH) {
                    out.write(APPENDS);
                    batch = 0;
                }
            }
            if (batch > 0) {
                out.write(APPENDS);
            }
            out.write(STOP);
            out.flush();
        }
    }

    /** A tree as the plain Java values the pickler writes as dict, list, str, int, float, bool, None. */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> dict = new LinkedHashMap<>();
            node.properties().forEach(member -> dict.put(member.getKey(), plain(member.getValue())));
            return dict;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }
}
