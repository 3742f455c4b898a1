package io.pistonee.emitter;

import io.pistonee.config.PistonConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code yaml}: {@code application/yaml} (also chosen by {@code application/x-yaml} and
 * {@code text/yaml} in {@code Accept}), and {@code application/problem+yaml} for errors. Block style,
 * one document; collections are streamed item by item.
 *
 * <p>The YAML data format comes with {@code jackson-jakarta-rs-yaml-provider}, whose own
 * {@code JacksonYAMLProvider} registers itself through {@code META-INF/services}; it never writes a
 * response here, because every response entity is an {@link Emission} and this writer is the one
 * for that type.
 */
@Provider
@ApplicationScoped
@Priority(200)
@Produces({"application/yaml", "application/x-yaml", "text/yaml", "application/problem+yaml"})
public class YamlEmitter implements Emitter {

    private static final List<MediaType> TYPES = List.of(
            new MediaType("application", "yaml"),
            new MediaType("application", "x-yaml"),
            new MediaType("text", "yaml"));
    private static final MediaType PROBLEM = new MediaType("application", "problem+yaml");

    @Inject
    PistonConfig config;

    @Override
    public String format() {
        return "yaml";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    public MediaType problemType() {
        return PROBLEM;
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        var generator = config.yaml().createGenerator(out);
        generator.setCodec(config.mapper());
        emission.write(generator);
    }
}
