package io.pistonee.emitter;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
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
 * <p>The whole result is converted before it is written: prefer a streamed format for large exports.
 * Errors go out as JSON problems. Request bodies are never unpickled.
 */
@Provider
@ApplicationScoped
@Priority(500)
@Produces(PickleEmitter.MEDIA_TYPE)
public class PickleEmitter implements Emitter {

    static final String MEDIA_TYPE = "application/python-pickle";

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
        Object plain;
        if (emission.isSequence()) {
            List<Object> items = new ArrayList<>();
            for (Iterator<?> each = emission.items(); each.hasNext(); ) {
                items.add(plain(emission.tree(each.next())));
            }
            plain = items;
        } else {
            plain = plain(emission.tree(emission.value()));
        }
        new Pickler(false).dump(plain, out);
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
