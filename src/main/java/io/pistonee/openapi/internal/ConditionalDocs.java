package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import io.pistonee.handler.LastModified;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.problem.Rc;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.BaseStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Conditional requests as the generic resource answers them: {@code ETag} on every single item
 * (strong) and every collection that is not a one-pass stream (weak), {@code Last-Modified} where the
 * model marks a property {@link LastModified}; {@code If-None-Match} (and {@code If-Modified-Since})
 * on GETs with their 304; {@code If-Match}, {@code If-None-Match} (and {@code If-Unmodified-Since}) on
 * writes to an item the handler can read, with 412, and 428 when
 * {@code piston.conditional.require-if-match} makes {@code If-Match} required.
 */
final class ConditionalDocs {

    private static final String ETAG = "ETag";
    private static final String LAST_MODIFIED = "Last-Modified";

    private final boolean requireIfMatch;
    private final BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes;

    ConditionalDocs(boolean requireIfMatch, BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes) {
        this.requireIfMatch = requireIfMatch;
        this.resultTypes = resultTypes;
    }

    /** The conditional headers an operation reads. */
    List<Parameter> parameters(HandlerDescriptor handler, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        boolean dated = lastModified(handler);
        switch (operation) {
            case LIST, READ -> {
                if (tagged(handler, operation)) {
                    parameters.add(
                            header("If-None-Match", "The `ETag` of the copy you hold: 304 while it is current."));
                }
                if (operation == Operation.READ && dated) {
                    parameters.add(header(
                            "If-Modified-Since",
                            "An HTTP date: 304 unless the item changed after it (ignored with `If-None-Match`)."));
                }
            }
            case UPDATE, PATCH, DELETE -> {
                if (handler.provides(Operation.READ)) {
                    parameters.add(ifMatch());
                    parameters.add(header(
                            "If-None-Match", "`*` or entity tags: 412 when one matches the item's current `ETag`."));
                    if (dated) {
                        parameters.add(header(
                                "If-Unmodified-Since",
                                "An HTTP date: 412 when the item changed after it (ignored with `If-Match`)."));
                    }
                }
            }
            default -> {}
        }
        return parameters;
    }

    private Parameter ifMatch() {
        String required = requireIfMatch
                ? " Required (`piston.conditional.require-if-match`): without it the write answers 428."
                : "";
        Parameter ifMatch = header(
                "If-Match",
                "The item's `ETag` as you read it: the write happens only if it is still current"
                        + " (checked in the write's transaction), else 412 with the current `ETag`."
                        + required);
        return requireIfMatch ? ifMatch.required(true) : ifMatch;
    }

    /** The validators on an operation's successful answer. */
    void headers(APIResponse response, HandlerDescriptor handler, Operation operation) {
        switch (operation) {
            case LIST -> {
                if (tagged(handler, operation)) {
                    response.addHeader(ETAG, Typed.header("A weak tag of this page (`W/\"...\"`).", SchemaType.STRING));
                }
            }
            case READ -> {
                response.addHeader(ETAG, Typed.header("The item's strong tag.", SchemaType.STRING));
                lastModifiedHeader(response, handler);
            }
            case UPDATE, PATCH ->
                response.addHeader(ETAG, Typed.header("The item's tag after the write.", SchemaType.STRING));
            case CREATE -> {
                if (handler.isModelHandler()) {
                    response.addHeader(ETAG, Typed.header("The new item's tag (one item created).", SchemaType.STRING));
                }
            }
            default -> {}
        }
    }

    /** 304 on a GET whose answer carries a tag. */
    Optional<APIResponse> notModified(HandlerDescriptor handler, Operation operation) {
        if ((operation != Operation.LIST && operation != Operation.READ) || !tagged(handler, operation)) {
            return Optional.empty();
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description("Not Modified: the copy named by `If-None-Match`"
                        + (operation == Operation.READ && lastModified(handler) ? " or `If-Modified-Since`" : "")
                        + " is current; no body.");
        response.addHeader(ETAG, Typed.header("The current tag.", SchemaType.STRING));
        if (operation == Operation.READ) {
            lastModifiedHeader(response, handler);
        }
        return Optional.of(response);
    }

    /** 412 and 428 where they can be answered. */
    List<Rc> errors(HandlerDescriptor handler, Operation operation) {
        boolean write = operation == Operation.UPDATE || operation == Operation.PATCH || operation == Operation.DELETE;
        if (!write || !handler.provides(Operation.READ)) {
            return List.of();
        }
        return requireIfMatch
                ? List.of(Rc.PRECONDITION_FAILED, Rc.PRECONDITION_REQUIRED)
                : List.of(Rc.PRECONDITION_FAILED);
    }

    private void lastModifiedHeader(APIResponse response, HandlerDescriptor handler) {
        if (lastModified(handler)) {
            response.addHeader(
                    LAST_MODIFIED, Typed.header("When the item last changed (an HTTP date).", SchemaType.STRING));
        }
    }

    /** Whether a GET's answer carries a tag: always for an item; for a collection unless it is a one-pass stream. */
    private boolean tagged(HandlerDescriptor handler, Operation operation) {
        if (operation != Operation.LIST) {
            return true;
        }
        Class<?> raw = resultTypes.apply(handler, operation).getRawClass();
        return !BaseStream.class.isAssignableFrom(raw) && !Iterator.class.isAssignableFrom(raw);
    }

    /** Whether the handler's items carry {@code Last-Modified}: the model (or what READ returns) marks a property. */
    private boolean lastModified(HandlerDescriptor handler) {
        if (handler.isModelHandler()) {
            return marks(handler.model(), LastModified.class);
        }
        if (!handler.provides(Operation.READ)) {
            return false;
        }
        JavaType type = resultTypes.apply(handler, Operation.READ);
        if (Optional.class.isAssignableFrom(type.getRawClass())) {
            type = type.containedTypeOrUnknown(0);
        }
        return marks(type.getRawClass(), LastModified.class);
    }

    /** Whether a field or getter of a class or its superclasses carries an annotation. */
    static boolean marks(Class<?> type, Class<? extends Annotation> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Stream<AnnotatedElement> members = Stream.concat(
                    Stream.of(c.getDeclaredFields()),
                    Stream.of(c.getDeclaredMethods()).filter(method -> method.getParameterCount() == 0));
            if (members.anyMatch(member -> member.isAnnotationPresent(annotation))) {
                return true;
            }
        }
        return false;
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .description(description)
                .schema(Typed.schema(SchemaType.STRING));
    }
}
