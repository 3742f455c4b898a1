package io.pistonee.parser.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.parser.JsonParser;
import io.pistonee.parser.Parser;
import io.pistonee.parser.RequestData;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Request bodies are read by the application's {@link Parser}s, and by nothing else.
 *
 * <p>The JAX-RS runtime picks a {@code MessageBodyReader} for the resource method's
 * {@link RequestData} parameter among every provider it knows, the server's own included. Payara's
 * Jersey registers a JSON-B reader of {@code Object} for {@code application/json}. In some WARs its
 * ordering put that reader before the framework's {@link JsonParser}: whether it did depended on
 * which classes the WAR held, so the same handler worked in one WAR and answered every JSON POST
 * with 500 in another. This interceptor runs before the runtime chooses a reader, and chooses
 * among the parsers itself:
 * <ul>
 *   <li>parsers that name the body's type exactly come before parsers that name it through a
 *       wildcard;</li>
 *   <li>then the lower {@link Priority} comes first;</li>
 *   <li>the first parser whose {@code isReadable} agrees reads the body.</li>
 * </ul>
 * A body no parser reads goes to the runtime as before; routing has answered 415 for those already.
 * Whatever a parser throws, its own or its library's exception, is a 4xx problem
 * ({@link ParseFailures}), never a 500: a parser that does not extend {@code BodyParser} is held to
 * it too.
 */
@Provider
@ApplicationScoped
public class ParserSelection implements ReaderInterceptor {

    /** The priority of a parser without {@code @Priority}: after every framework parser. */
    static final int DEFAULT_PRIORITY = 5000;

    @Inject
    @Any
    Instance<Parser> parsers;

    @Inject
    PistonConfig config;

    private List<Ranked> ranked;

    /** A parser with its priority, read from its bean class: a CDI proxy does not carry the annotation. */
    record Ranked(Parser parser, int priority) {}

    @PostConstruct
    void init() {
        ranked = parsers.handlesStream()
                .map(handle ->
                        new Ranked(handle.get(), priority(handle.getBean().getBeanClass())))
                .toList();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() != RequestData.class) {
            return context.proceed();
        }
        Optional<Parser> parser = select(ranked, context.getMediaType()).stream()
                .filter(candidate -> candidate.isReadable(
                        RequestData.class, context.getGenericType(), context.getAnnotations(), context.getMediaType()))
                .findFirst();
        if (parser.isEmpty()) {
            return context.proceed();
        }
        try {
            return parser.get()
                    .readFrom(
                            RequestData.class,
                            context.getGenericType(),
                            context.getAnnotations(),
                            context.getMediaType(),
                            context.getHeaders(),
                            context.getInputStream());
        } catch (IOException | RuntimeException e) {
            throw ParseFailures.of(e, context.getMediaType(), config.maxDepth());
        }
    }

    /** The parsers that read a type, in the order they are asked: exact names first, then by priority. */
    static List<Parser> select(List<Ranked> parsers, MediaType type) {
        if (type == null) {
            return List.of();
        }
        return parsers.stream()
                .filter(ranked -> ranked.parser().mediaTypes().stream().anyMatch(type::isCompatible))
                .sorted(Comparator.comparing((Ranked ranked) -> !names(ranked.parser(), type))
                        .thenComparingInt(Ranked::priority))
                .map(Ranked::parser)
                .toList();
    }

    /** Whether a parser names the type itself rather than through a wildcard. */
    private static boolean names(Parser parser, MediaType type) {
        return parser.mediaTypes().stream()
                .anyMatch(declared -> !declared.isWildcardType()
                        && !declared.isWildcardSubtype()
                        && declared.getType().equalsIgnoreCase(type.getType())
                        && declared.getSubtype().equalsIgnoreCase(type.getSubtype()));
    }

    static int priority(Class<?> beanClass) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            Priority priority = type.getAnnotation(Priority.class);
            if (priority != null) {
                return priority.value();
            }
        }
        return DEFAULT_PRIORITY;
    }
}
