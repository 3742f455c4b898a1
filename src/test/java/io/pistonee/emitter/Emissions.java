package io.pistonee.emitter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.fields.internal.Shaper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.w3c.dom.Element;

/** Emissions as the resource builds them, and what an emitter makes of them, for the emitter tests. */
public final class Emissions {

    public static final PistonConfig CONFIG = PistonConfig.of("snake_case", 1024);
    public static final ObjectMapper MAPPER = CONFIG.mapper();
    private static final Shaper SHAPER = new Shaper(MAPPER, type -> null);
    private static final URI ROOT = URI.create("http://localhost/api/");

    private Emissions() {}

    /**
     * A value shaped by its default spec, with a stored form labelled {@code shop.thing}; a sequence's
     * items are written straight to the generator, as the resource has them written.
     */
    static Emission of(Object value) {
        return new Emission(
                value,
                item -> SHAPER.shape(item, (FieldSpec) null, ROOT),
                item -> SHAPER.stored(item, null, null, ROOT, "shop.thing"),
                null,
                (item, generator) -> SHAPER.write(item, null, null, ROOT, generator));
    }

    static byte[] bytes(Emitter emitter, Emission emission, MediaType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            emitter.writeTo(emission, Emission.class, Emission.class, null, type, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * How many times an emitter flushes the response while writing a 1,000-item stream: the
     * container sends what is flushed at once, so a flush per item is a network write per row.
     */
    static int flushesOfAThousandItems(Emitter emitter) {
        int[] flushes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        Emission emission = of(java.util.stream.IntStream.range(0, 1000).mapToObj(i -> java.util.Map.of("id", i)));
        try {
            emitter.writeTo(
                    emission,
                    Emission.class,
                    Emission.class,
                    null,
                    emitter.mediaTypes().get(0),
                    new MultivaluedHashMap<>(),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flushes[0];
    }

    static String text(Emitter emitter, Emission emission) {
        return new String(bytes(emitter, emission, emitter.mediaTypes().get(0)), StandardCharsets.UTF_8);
    }

    /** The built-in emitters in their order, configured as the container configures them. */
    public static List<Emitter> builtIn() {
        JsonEmitter json = new JsonEmitter();
        json.config = CONFIG;
        YamlEmitter yaml = new YamlEmitter();
        yaml.config = CONFIG;
        DjangoEmitter django = new DjangoEmitter();
        django.config = CONFIG;
        return List.of(
                new XmlEmitter(), yaml, json, new CsvEmitter(), new PickleEmitter(), django, new DjangoXmlEmitter());
    }

    /** An XML document's root element, read with the JDK's parser. */
    public static Element parseXml(byte[] xml) throws Exception {
        return XmlEmitterTest.parse(xml);
    }

    /** The first child element of that name. */
    public static Element xmlChild(Element parent, String name) {
        return XmlEmitterTest.child(parent, name);
    }
}
