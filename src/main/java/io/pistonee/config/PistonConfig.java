package io.pistonee.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Piston EE's settings, from MicroProfile Config (so from {@code microprofile-config.properties},
 * system properties or the environment).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code piston.naming}</td><td>{@code snake_case}</td><td>how Java property names appear
 *       in representations: {@code snake_case}, {@code camelCase}, {@code kebab-case},
 *       {@code lowercase}</td></tr>
 *   <tr><td>{@code piston.max-body-bytes}</td><td>{@code 1048576}</td><td>the largest request body
 *       accepted; larger ones answer 413</td></tr>
 *   <tr><td>{@code piston.max-depth}</td><td>{@code 64}</td><td>the deepest nesting of objects and
 *       arrays a request body may have (JSON, YAML, XML); deeper ones answer 400</td></tr>
 *   <tr><td>{@code piston.jsonp}</td><td>{@code false}</td><td>whether {@code ?callback=name} wraps
 *       JSON as {@code application/javascript}</td></tr>
 *   <tr><td>{@code piston.csv.escape-formulas}</td><td>{@code true}</td><td>whether CSV text cells
 *       that a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -},
 *       {@code @}, a tab or a carriage return) are written with a leading {@code '}</td></tr>
 *   <tr><td>{@code piston.read-transaction}</td><td>{@code auto}</td><td>{@code always}: every
 *       {@code GET} and {@code HEAD} runs in a read transaction; {@code auto}: only those that need
 *       one (see {@code ReadTransactionFilter})</td></tr>
 *   <tr><td>{@code piston.unavailable.retry-after}</td><td>{@code 5}</td><td>seconds in the
 *       {@code Retry-After} of a 503 answered when the database is unreachable</td></tr>
 *   <tr><td>{@code piston.conditional.require-if-match}</td><td>{@code false}</td><td>whether PUT,
 *       PATCH and DELETE on an item need {@code If-Match} (428 without it)</td></tr>
 *   <tr><td>{@code piston.page.default-size}</td><td>{@code 50}</td><td>the page size of a model
 *       handler's collection without {@code ?limit=}</td></tr>
 *   <tr><td>{@code piston.page.max-size}</td><td>{@code 500}</td><td>the largest {@code ?limit=}
 *       accepted (larger ones answer 400)</td></tr>
 *   <tr><td>{@code piston.throttle.enabled}</td><td>{@code true}</td><td>whether throttles
 *       apply</td></tr>
 *   <tr><td>{@code piston.throttle.requests}, {@code piston.throttle.per}</td><td>{@code 0},
 *       {@code 60}</td><td>the default throttle for operations without {@code @Throttle}: requests per
 *       seconds; 0 means none</td></tr>
 *   <tr><td>{@code piston.throttle.<scope>.requests}, {@code piston.throttle.<scope>.per}</td><td>the
 *       annotation's</td><td>override a scope's budget without recompiling</td></tr>
 *   <tr><td>{@code piston.openapi.title}, {@code piston.openapi.version},
 *       {@code piston.openapi.description}</td><td>none</td><td>the OpenAPI document's {@code info},
 *       where the application declares no {@code @OpenAPIDefinition}</td></tr>
 *   <tr><td>{@code piston.public-base-url}</td><td>none</td><td>the application's public URL
 *       ({@code https://api.example.com/}): links, {@code Location} and the OpenAPI server URL start
 *       with it, whatever the request's {@code Host} or proxy headers say</td></tr>
 *   <tr><td>{@code piston.proxy.trusted}</td><td>none</td><td>the proxies (addresses, CIDR ranges)
 *       whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed</td></tr>
 *   <tr><td>{@code piston.throttle.trusted-proxies}</td><td>{@code 0}</td><td>deprecated: how many
 *       proxies append to {@code X-Forwarded-For}; used only without {@code piston.proxy.trusted}</td></tr>
 *   <tr><td>{@code piston.cors.*}</td><td>off</td><td>the origins a browser may call the API from,
 *       and the CORS headers they get (see {@link #cors()})</td></tr>
 * </table>
 */
@ApplicationScoped
public class PistonConfig {

    private static final Map<String, PropertyNamingStrategy> NAMINGS = Map.of(
            "snake_case", PropertyNamingStrategies.SNAKE_CASE,
            "camelcase", PropertyNamingStrategies.LOWER_CAMEL_CASE,
            "kebab-case", PropertyNamingStrategies.KEBAB_CASE,
            "lowercase", PropertyNamingStrategies.LOWER_CASE);

    @Inject
    @ConfigProperty(name = "piston.naming", defaultValue = "snake_case")
    String naming;

    @Inject
    @ConfigProperty(name = "piston.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "piston.max-depth", defaultValue = "64")
    int maxDepth;

    @Inject
    @ConfigProperty(name = "piston.jsonp", defaultValue = "false")
    boolean jsonp;

    @Inject
    @ConfigProperty(name = "piston.csv.escape-formulas", defaultValue = "true")
    boolean csvEscapeFormulas = true;

    @Inject
    @ConfigProperty(name = "piston.read-transaction", defaultValue = "auto")
    String readTransaction = "auto";

    @Inject
    @ConfigProperty(name = "piston.unavailable.retry-after", defaultValue = "5")
    long unavailableRetryAfterSeconds = 5;

    @Inject
    @ConfigProperty(name = "piston.conditional.require-if-match", defaultValue = "false")
    boolean requireIfMatch;

    @Inject
    @ConfigProperty(name = "piston.bulk.max-items", defaultValue = "1000")
    int bulkMaxItems = 1000;

    @Inject
    @ConfigProperty(name = "piston.page.default-size", defaultValue = "50")
    int pageDefaultSize = 50;

    @Inject
    @ConfigProperty(name = "piston.page.max-size", defaultValue = "500")
    int pageMaxSize = 500;

    @Inject
    @ConfigProperty(name = "piston.throttle.enabled", defaultValue = "true")
    boolean throttleEnabled = true;

    @Inject
    @ConfigProperty(name = "piston.throttle.requests", defaultValue = "0")
    int throttleRequests;

    @Inject
    @ConfigProperty(name = "piston.throttle.per", defaultValue = "60")
    long throttlePerSeconds = 60;

    @Inject
    @ConfigProperty(name = "piston.throttle.trusted-proxies", defaultValue = "0")
    int trustedProxies;

    @Inject
    @ConfigProperty(name = "piston.public-base-url")
    Optional<String> publicBaseUrl = Optional.empty();

    @Inject
    @ConfigProperty(name = "piston.proxy.trusted")
    Optional<String> proxyTrusted = Optional.empty();

    @Inject
    @ConfigProperty(name = "piston.cors.allowed-origins")
    Optional<String> corsAllowedOrigins = Optional.empty();

    @Inject
    @ConfigProperty(name = "piston.cors.allowed-methods", defaultValue = "GET, HEAD, POST, PUT, PATCH, DELETE")
    String corsAllowedMethods;

    @Inject
    @ConfigProperty(
            name = "piston.cors.allowed-headers",
            defaultValue = "Accept, Authorization, Content-Type, If-Match, If-None-Match, Prefer, X-Request-Id")
    String corsAllowedHeaders;

    @Inject
    @ConfigProperty(
            name = "piston.cors.exposed-headers",
            defaultValue =
                    "ETag, Location, Link, Preference-Applied, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, X-Request-Id, X-Total-Count")
    String corsExposedHeaders;

    @Inject
    @ConfigProperty(name = "piston.cors.max-age", defaultValue = "600")
    long corsMaxAge = 600;

    @Inject
    @ConfigProperty(name = "piston.cors.allow-credentials", defaultValue = "false")
    boolean corsAllowCredentials;

    @Inject
    @ConfigProperty(name = "piston.openapi.title")
    Optional<String> openApiTitle = Optional.empty();

    @Inject
    @ConfigProperty(name = "piston.openapi.version")
    Optional<String> openApiVersion = Optional.empty();

    @Inject
    @ConfigProperty(name = "piston.openapi.description")
    Optional<String> openApiDescription = Optional.empty();

    @Inject
    Instance<Config> all;

    private ObjectMapper mapper;
    private YAMLFactory yaml;

    /** The settings as MicroProfile Config gives them (CDI's constructor). */
    public PistonConfig() {}

    /** Settings given directly, for code that runs without a container (unit tests, tools). */
    public static PistonConfig of(String naming, long maxBodyBytes) {
        return of(naming, maxBodyBytes, 64, false);
    }

    /** Settings given directly, every one of them. */
    public static PistonConfig of(String naming, long maxBodyBytes, int maxDepth, boolean jsonp) {
        PistonConfig config = new PistonConfig();
        config.naming = naming;
        config.maxBodyBytes = maxBodyBytes;
        config.maxDepth = maxDepth;
        config.jsonp = jsonp;
        config.init();
        return config;
    }

    @PostConstruct
    void init() {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("piston.max-depth must be at least 1, not " + maxDepth);
        }
        mapper = mapper(naming, maxDepth);
        yaml = yaml(maxBodyBytes, maxDepth);
        if (!"auto".equals(readTransaction) && !"always".equals(readTransaction)) {
            throw new IllegalArgumentException(
                    "piston.read-transaction must be auto or always, not " + readTransaction);
        }
        if (pageDefaultSize < 1 || pageMaxSize < pageDefaultSize) {
            throw new IllegalArgumentException("piston.page.default-size must be at least 1 and at most"
                    + " piston.page.max-size, not " + pageDefaultSize + " and " + pageMaxSize);
        }
        if (bulkMaxItems < 1) {
            throw new IllegalArgumentException("piston.bulk.max-items must be at least 1, not " + bulkMaxItems);
        }
    }

    /** Whether CSV text cells that would start a spreadsheet formula get a leading {@code '}. */
    public boolean csvEscapeFormulas() {
        return csvEscapeFormulas;
    }

    /**
     * Whether every read runs in a read transaction ({@code piston.read-transaction=always}), or only
     * those that need one ({@code auto}, the default; see {@code ReadTransactionFilter}).
     */
    public boolean readTransactionAlways() {
        return "always".equals(readTransaction);
    }

    /** Seconds in the {@code Retry-After} of a 503 for an unreachable database. */
    public long unavailableRetryAfterSeconds() {
        return unavailableRetryAfterSeconds;
    }

    /** Whether writes to an item need {@code If-Match}. */
    public boolean requireIfMatch() {
        return requireIfMatch;
    }

    /** The page size without {@code ?limit=}. */
    public int pageDefaultSize() {
        return pageDefaultSize;
    }

    /** The most items a bulk update or delete may write; more answers 413. */
    public int bulkMaxItems() {
        return bulkMaxItems;
    }

    /** The largest {@code ?limit=}. */
    public int pageMaxSize() {
        return pageMaxSize;
    }

    public boolean throttleEnabled() {
        return throttleEnabled;
    }

    /** The default throttle's requests per window; 0 means no default throttle. */
    public int throttleRequests() {
        return throttleRequests;
    }

    /** The default throttle's window in seconds. */
    public long throttlePerSeconds() {
        return throttlePerSeconds;
    }

    /**
     * How many proxies append to {@code X-Forwarded-For} ({@code piston.throttle.trusted-proxies},
     * deprecated for {@link #proxyTrusted()}).
     */
    public int trustedProxies() {
        return trustedProxies;
    }

    /** The application's public URL ({@code piston.public-base-url}), an absolute http(s) URL, when configured. */
    public Optional<URI> publicBaseUrl() {
        return publicBaseUrl.filter(url -> !url.isBlank()).map(PistonConfig::publicBase);
    }

    /** The trusted proxies' addresses and CIDR ranges, comma-separated ({@code piston.proxy.trusted}), or empty. */
    public String proxyTrusted() {
        return proxyTrusted.orElse("");
    }

    /**
     * The CORS settings ({@code piston.cors.*}): allowed origins (none: CORS is off; {@code *}: any,
     * without credentials only), methods, request headers, exposed headers, the preflight's max age
     * in seconds, whether credentials are allowed.
     */
    public Cors cors() {
        return new Cors(
                corsAllowedOrigins.orElse(""),
                corsAllowedMethods,
                corsAllowedHeaders,
                corsExposedHeaders,
                corsMaxAge,
                corsAllowCredentials);
    }

    /** What {@code piston.cors.*} configures; lists are comma-separated. */
    public record Cors(
            String allowedOrigins,
            String allowedMethods,
            String allowedHeaders,
            String exposedHeaders,
            long maxAgeSeconds,
            boolean allowCredentials) {}

    private static URI publicBase(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "piston.public-base-url must be an absolute http or https URL such as https://api.example.com/, not "
                        + url);
    }

    /** The OpenAPI document's title, when configured ({@code piston.openapi.title}). */
    public Optional<String> openApiTitle() {
        return openApiTitle;
    }

    /** The OpenAPI document's version, when configured ({@code piston.openapi.version}). */
    public Optional<String> openApiVersion() {
        return openApiVersion;
    }

    /** The OpenAPI document's description, when configured ({@code piston.openapi.description}). */
    public Optional<String> openApiDescription() {
        return openApiDescription;
    }

    /** {@code piston.throttle.<scope>.<setting>}, when configured. */
    public Optional<Long> throttleOverride(String scope, String setting) {
        if (all == null || !all.isResolvable()) {
            return Optional.empty();
        }
        return all.get().getOptionalValue("piston.throttle." + scope + "." + setting, Long.class);
    }

    /**
     * The mapper every emitter, parser and the shaper share: the configured naming, ISO-8601 dates;
     * on input, unknown properties ignored but duplicate keys, trailing content, fractions for integers
     * and numbers or booleans for text rejected.
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Makes properties of a type readable but never bound from input (a model's id and version, which
     * belong to the server). Called at start-up only, before the mapper reads any request.
     */
    public void readOnlyOnInput(Class<?> type, List<String> properties) {
        mapper.configOverride(type)
                .setIgnorals(JsonIgnoreProperties.Value.forIgnoredProperties(properties.toArray(String[]::new))
                        .withAllowGetters());
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The deepest nesting a request body may have. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Whether JSONP ({@code ?callback=}) is on. */
    public boolean jsonp() {
        return jsonp;
    }

    /**
     * The YAML factory for reading and writing: safe loading (no duplicate keys, no recursive keys, a
     * code point limit at the body limit, the nesting limit), block style out.
     */
    public YAMLFactory yaml() {
        return yaml;
    }

    /** Builds the shared mapper for a naming, with the default nesting limit; for tests and tools. */
    public static ObjectMapper mapper(String naming) {
        return mapper(naming, 64);
    }

    /** Builds the shared mapper for a naming and a nesting limit. */
    public static ObjectMapper mapper(String naming, int maxDepth) {
        PropertyNamingStrategy strategy = NAMINGS.get(naming.toLowerCase(Locale.ROOT));
        if (strategy == null) {
            throw new IllegalArgumentException("piston.naming must be one of " + NAMINGS.keySet() + ", not " + naming);
        }
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(strategy)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Emitters write a collection as one tree per item through one generator: a flush after
                // each would push every row to the network on its own. Generators flush when closed.
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // A number or boolean where text is expected is the client's mistake, not something to stringify.
        for (CoercionInputShape shape :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .build());
        return mapper;
    }

    private static YAMLFactory yaml(long maxBodyBytes, int maxDepth) {
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        loading.setAllowRecursiveKeys(false);
        loading.setMaxAliasesForCollections(0);
        loading.setNestingDepthLimit(maxDepth);
        loading.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxBodyBytes, 1024)));
        return YAMLFactory.builder()
                .loaderOptions(loading)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
