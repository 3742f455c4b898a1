package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A user's own MicroProfile OpenAPI annotations, which win over generated values: {@code @Operation}
 * (summary, description, operationId, deprecated, hidden), {@code @APIResponse} (repeatable) and
 * {@code @Parameter} (repeatable: describes, requires, deprecates, gives an example of or hides a
 * generated parameter of that name) on a handler's operation methods, {@code @Tag} on the handler
 * class, {@code @Schema(description = ...)} on models, their properties and computed-field methods.
 */
final class Annotations {

    private Annotations() {}

    /** A constraint or marker on a property's field, getter, setter or constructor parameter. */
    static <A extends Annotation> A find(BeanPropertyDefinition property, Class<A> type) {
        for (AnnotatedMember member : Arrays.asList(
                property.getField(), property.getGetter(), property.getSetter(), property.getConstructorParameter())) {
            if (member != null && member.hasAnnotation(type)) {
                return member.getAnnotation(type);
            }
        }
        return null;
    }

    static boolean has(BeanPropertyDefinition property, Class<? extends Annotation> type) {
        return find(property, type) != null;
    }

    /** A schema described by {@code @Schema(description = ...)} on a class or method, if there is one. */
    static Schema describe(Schema schema, AnnotatedElement element) {
        var annotation = element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation == null ? schema : describe(schema, annotation);
    }

    /** A property's schema described by {@code @Schema} on its field or accessors, if there is one. */
    static Schema describe(Schema schema, BeanPropertyDefinition property) {
        var annotation = find(property, org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation == null ? schema : describe(schema, annotation);
    }

    private static Schema describe(
            Schema schema, org.eclipse.microprofile.openapi.annotations.media.Schema annotation) {
        if (!annotation.description().isEmpty()) {
            schema.description(annotation.description());
        }
        if (!annotation.title().isEmpty()) {
            schema.title(annotation.title());
        }
        if (!annotation.example().isEmpty()) {
            schema.example(annotation.example());
        }
        if (annotation.deprecated()) {
            schema.deprecated(true);
        }
        return schema;
    }

    /** Whether {@code @Operation(hidden = true)} removes an operation from the document. */
    static boolean hidden(AnnotatedElement method) {
        Operation operation = method == null ? null : method.getAnnotation(Operation.class);
        return operation != null && operation.hidden();
    }

    /** Applies {@code @Operation} and {@code @APIResponse}s on a handler method over the generated operation. */
    static void override(org.eclipse.microprofile.openapi.models.Operation generated, AnnotatedElement method) {
        if (method == null) {
            return;
        }
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null) {
            if (!operation.summary().isEmpty()) {
                generated.summary(operation.summary());
            }
            if (!operation.description().isEmpty()) {
                generated.description(operation.description());
            }
            if (!operation.operationId().isEmpty()) {
                generated.operationId(operation.operationId());
            }
            if (operation.deprecated()) {
                generated.deprecated(true);
            }
        }
        for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
            var existing = generated.getResponses().getAPIResponse(response.responseCode());
            var target = existing != null ? existing : OASFactory.createAPIResponse();
            if (!response.description().isEmpty()) {
                target.description(response.description());
            }
            if (existing == null) {
                generated.getResponses().addAPIResponse(response.responseCode(), target);
            }
        }
        for (Parameter parameter : method.getAnnotationsByType(Parameter.class)) {
            override(generated, parameter);
        }
    }

    /** {@code @Parameter(name = ...)} over the generated parameter of that name (and place, if it names one). */
    private static void override(org.eclipse.microprofile.openapi.models.Operation generated, Parameter annotation) {
        if (generated.getParameters() == null) {
            return;
        }
        for (var parameter : List.copyOf(generated.getParameters())) {
            boolean named = parameter.getName().equals(annotation.name())
                    && (annotation.in() == ParameterIn.DEFAULT
                            || annotation.in().name().equals(parameter.getIn().name()));
            if (!named) {
                continue;
            }
            if (annotation.hidden()) {
                generated.removeParameter(parameter);
                continue;
            }
            if (!annotation.description().isEmpty()) {
                parameter.description(annotation.description());
            }
            if (annotation.required()) {
                parameter.required(true);
            }
            if (annotation.deprecated()) {
                parameter.deprecated(true);
            }
            if (!annotation.example().isEmpty()) {
                parameter.example(annotation.example());
            }
        }
    }

    /** The tags a handler class declares with {@code @Tag} or {@code @Tags}; empty when it declares none. */
    static List<Tag> tags(Class<?> handlerClass) {
        return List.of(handlerClass.getAnnotationsByType(Tag.class));
    }
}
