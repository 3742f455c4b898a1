package io.pistonee.emitter;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.ModelItem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

/**
 * {@code django}: Django's serialization format ({@code application/vnd.django+json}), which
 * {@code django.core.serializers.deserialize("json", body)} loads into an equivalent Django model:
 *
 * <pre>{@code
 * [{"model": "blog.blogpost", "pk": 1, "fields": {"title": "Hello", "author": 1, "created_on": "2026-11-01T09:00:00Z"}}]
 * }</pre>
 *
 * Always a list, one entry per item. {@code fields} holds the item's persistent properties within the
 * handler's field spec (and {@code ?fields=}), related entities as their primary keys; computed fields
 * and {@code resource_uri} are left out, as Django would reject them. The model label comes from
 * {@code @Handler(djangoModel = ...)}, by default from the entity's package and name. Collections are
 * streamed item by item; errors go out as JSON problems.
 */
@Provider
@ApplicationScoped
@Priority(600)
@Produces(DjangoEmitter.MEDIA_TYPE)
public class DjangoEmitter implements Emitter {

    static final String MEDIA_TYPE = "application/vnd.django+json";

    @Inject
    PistonConfig config;

    @Override
    public String format() {
        return "django";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(MediaType.valueOf(MEDIA_TYPE));
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        write(emission, config.mapper().getFactory().createGenerator(out));
    }

    static void write(Emission emission, JsonGenerator generator) throws IOException {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (generator) {
            generator.writeStartArray();
            if (emission.isSequence()) {
                for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                    item(emission.storedForm(items.next()), generator);
                }
            } else {
                item(emission.storedForm(emission.value()), generator);
            }
            generator.writeEndArray();
        }
    }

    private static void item(ModelItem item, JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("model", item.model());
        generator.writeFieldName("pk");
        generator.writeTree(item.pk());
        generator.writeFieldName("fields");
        generator.writeTree(item.fields());
        generator.writeEndObject();
    }
}
