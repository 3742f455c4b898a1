package io.pistonee.emitter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.pistonee.config.PistonConfig;
import io.pistonee.emitter.internal.SelectedFormat;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code json}: {@code application/json}, and {@code application/problem+json} for errors. Dates are
 * ISO-8601 strings; collections are streamed item by item.
 *
 * <p>With {@code piston.jsonp=true}, {@code ?callback=name} wraps the document as
 * {@code /**}{@code /name(...);} in {@code application/javascript} (with
 * {@code X-Content-Type-Options: nosniff}); the name must be a JavaScript identifier path such as
 * {@code app.posts.receive}. Errors are never wrapped. JSONP is off by default.
 */
@Provider
@ApplicationScoped
@Priority(100)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, "application/javascript"})
public class JsonEmitter implements Emitter {

    private static final MediaType PROBLEM = new MediaType("application", "problem+json");

    @Inject
    PistonConfig config;

    @Inject
    SelectedFormat selected;

    private volatile JsonFactory javascript;

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
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        String callback = SelectedFormat.JAVASCRIPT.isCompatible(mediaType) ? selected.callback() : null;
        if (callback == null) {
            write(emission, config.mapper().getFactory().createGenerator(out));
            return;
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        out.write(("/**/" + callback + "(").getBytes(StandardCharsets.US_ASCII));
        // Non-ASCII escaped: U+2028 and U+2029 end a JavaScript line, though JSON allows them.
        write(emission, javascript().createGenerator(out));
        out.write(");".getBytes(StandardCharsets.US_ASCII));
    }

    private JsonFactory javascript() {
        JsonFactory factory = javascript;
        if (factory == null) {
            factory = config.mapper()
                    .getFactory()
                    .rebuild()
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .build();
            factory.setCodec(config.mapper());
            javascript = factory;
        }
        return factory;
    }

    static void write(Emission emission, JsonGenerator generator) throws IOException {
        emission.write(generator);
    }
}
