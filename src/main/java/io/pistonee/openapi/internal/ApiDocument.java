package io.pistonee.openapi.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.OAuthConfig;
import io.pistonee.config.PistonConfig;
import io.pistonee.emitter.Emitter;
import io.pistonee.emitter.internal.Negotiation;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.ApiPaths;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import io.pistonee.oauth.internal.OAuthResource;
import io.pistonee.parser.Parser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The OpenAPI model of this application's handlers, built from the same {@code HandlerDescriptor}s
 * that route requests, the emitters and parsers that are deployed, and the problem vocabulary. The
 * {@link PistonModelReader} hands it to the server's MicroProfile OpenAPI implementation, which merges
 * a static {@code META-INF/openapi.yaml} and annotated JAX-RS resources over it.
 */
@ApplicationScoped
public class ApiDocument {

    /** The token endpoint under {@link OAuthResource}'s path (RFC 6749's name for it). */
    private static final String TOKEN = "token";

    @Inject
    Handlers handlers;

    @Inject
    @Any
    Instance<Emitter> emitters;

    @Inject
    @Any
    Instance<Parser> parsers;

    @Inject
    PistonConfig config;

    @Inject
    OAuthConfig oauth;

    @Inject
    BeanManager beans;

    @Inject
    ContextRoot contextRoot;

    /** A new model of every handler's paths, operations and schemas, with the application's {@code info}. */
    public OpenAPI model() {
        ObjectMapper mapper = config.mapper();
        List<Emitter> formats = new Negotiation(emitters.stream().toList()).emitters();
        Map<Class<?>, HandlerDescriptor> models = new HashMap<>();
        handlers.all().stream()
                .filter(HandlerDescriptor::isModelHandler)
                .forEach(handler -> models.putIfAbsent(handler.model(), handler));
        SchemaDocs schemaDocs = new SchemaDocs(mapper, handlers.shaper(), models::get);
        ProblemDocs problems = new ProblemDocs(formats);
        PathDocs[] paths = new PathDocs[1];
        BiFunction<HandlerDescriptor, Operation, JavaType> resultTypes =
                (handler, op) -> paths[0].resultType(handler, op);
        HandlerSchemas schemas = new HandlerSchemas(schemaDocs, resultTypes, HandlerDescriptor::anonymousTwin);
        SecurityDocs security =
                new SecurityDocs(oauth.enabled() ? Optional.of(tokenUrl()) : Optional.empty(), handlers.all());
        PathDocs.Conventions conventions = new PathDocs.Conventions(
                new CollectionDocs(
                        config.pageDefaultSize(),
                        config.pageMaxSize(),
                        HandlerDescriptor::listing,
                        resultTypes,
                        new Types(mapper),
                        mapper.getTypeFactory(),
                        schemas::named),
                new ConditionalDocs(config.requireIfMatch(), resultTypes),
                new ThrottleDocs((handler, operation) ->
                        config.throttleEnabled() ? handler.throttle(operation) : Optional.empty()));
        paths[0] = new PathDocs(
                apiPath(),
                schemas,
                problems,
                formats,
                parsers.stream().toList(),
                mapper.getTypeFactory(),
                security,
                HandlerDescriptor::anonymousTwin,
                handlers.routes()::owners,
                conventions);
        OpenAPI model = write(paths[0], schemas, problems).info(info());
        security.addTo(model.getComponents());
        return model;
    }

    /** The application's {@code info} (see {@link InfoDocs}); titled after the context root once known if need be. */
    private Info info() {
        InfoDocs docs = new InfoDocs(
                InfoDocs.declared(applicationClasses()),
                new InfoDocs.Configured(config.openApiTitle(), config.openApiVersion(), config.openApiDescription()));
        Info info = docs.info();
        if (docs.untitled()) {
            contextRoot.whenLocated(root -> info.setTitle(InfoDocs.named(info.getTitle(), root)));
        }
        return info;
    }

    /** The classes of the application's beans: those the WAR's class loader loaded, not the server's. */
    private List<Class<?>> applicationClasses() {
        ClassLoader application = ApiDocument.class.getClassLoader();
        return beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .filter(type -> type.getClassLoader() == application)
                .distinct()
                .toList();
    }

    private OpenAPI write(PathDocs docs, HandlerSchemas schemas, ProblemDocs problems) {
        Paths paths = OASFactory.createPaths();
        OpenAPI model = OASFactory.createOpenAPI().paths(paths);
        for (HandlerDescriptor handler : handlers.all()) {
            PathItem collection = docs.pathItem(handler, Operation.Target.COLLECTION);
            PathItem item = docs.pathItem(handler, Operation.Target.ITEM);
            if (collection != null) {
                paths.addPathItem(docs.collectionPath(handler), collection);
            }
            if (item != null) {
                paths.addPathItem(docs.itemPath(handler), item);
            }
            PathItem bulk = docs.bulkPathItem(handler);
            if (bulk != null) {
                paths.addPathItem(docs.bulkPath(handler), bulk);
            }
            tag(model, handler);
        }
        Components components = OASFactory.createComponents();
        schemas.addTo(components);
        problems.addTo(components);
        return model.components(components);
    }

    /** One tag per handler, named after it, unless the handler class declares its own with {@code @Tag}. */
    private static void tag(OpenAPI model, HandlerDescriptor handler) {
        var declared = Annotations.tags(handler.handlerClass());
        if (declared.isEmpty()) {
            model.addTag(OASFactory.createTag()
                    .name(handler.name())
                    .description("Handled by `" + handler.handlerClass().getSimpleName() + "`."));
            return;
        }
        for (var tag : declared) {
            Tag generated = OASFactory.createTag().name(tag.name());
            if (!tag.description().isEmpty()) {
                generated.description(tag.description());
            }
            model.addTag(generated);
        }
        model.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().stream()
                        .filter(operation -> operation.getTags() != null
                                && operation.getTags().contains(handler.name()))
                        .forEach(operation -> operation.tags(
                                declared.stream().map(t -> t.name()).toList())));
    }

    /** The token endpoint's path: {@code /api/oauth/token}. */
    static String tokenUrl() {
        return oauthPath() + "/" + TOKEN;
    }

    /** Where the authorization server's endpoints are: {@code /api/oauth}. */
    static String oauthPath() {
        return apiPath() + "/" + OAuthResource.class.getAnnotation(Path.class).value();
    }

    /** Where the JAX-RS application serves the handlers: {@code /api}. */
    static String apiPath() {
        String trimmed = ApiPaths.ROOT.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : "/" + trimmed;
    }
}
