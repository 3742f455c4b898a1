package io.pistonee.emitter;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;

/**
 * {@code json}: {@code application/json}, and {@code application/problem+json} for errors. Dates are
 * ISO-8601 strings; collections are streamed item by item.
 */
@Provider
@ApplicationScoped
@Priority(100)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class JsonEmitter implements Emitter {

    private static final MediaType PROBLEM = new MediaType("application", "problem+json");

    @Inject
    PistonConfig config;

    @Override
    public String format() {
        return "json";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(MediaType.APPLICATION_JSON_TYPE);
    }

    @Override
    public MediaType problemType() {
        return PROBLEM;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Emission.class;
    }

    @Override
    public void writeTo(
            Emission emission,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        write(emission, config.mapper().getFactory().createGenerator(out));
    }

    static void write(Emission emission, JsonGenerator generator) throws IOException {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (generator) {
            if (emission.isSequence()) {
                generator.writeStartArray();
                for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                    generator.writeTree(emission.tree(items.next()));
                }
                generator.writeEndArray();
            } else {
                generator.writeTree(emission.tree(emission.value()));
            }
        }
    }
}
