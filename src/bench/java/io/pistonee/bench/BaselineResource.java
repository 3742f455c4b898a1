package io.pistonee.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pistonee.example.blog.AuditEntry;
import io.pistonee.example.blog.Author;
import io.pistonee.example.blog.BlogPost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's baseline: the example's posts served by hand with plain JAX-RS and JPA, the way one
 * would write them without Piston EE. Same entity, same queries, same database, same server, and the
 * same JSON and YAML as the framework's {@code /api/posts} (only {@code resource_uri} points here);
 * the POST is authenticated by the same container security (Basic, the same identity store and
 * PBKDF2 hashes) and writes the same audit row. What it leaves out, deliberately, is what the
 * framework adds on top: representation ETags (an item's ETag here is its version, a page has none),
 * {@code Vary}, field specs, format suffixes, problem details. A page has the framework's
 * {@code Link} header (first, prev, next, and last with {@code ?total=true}, which counts the posts
 * as the framework does).
 *
 * <ul>
 *   <li>{@code GET /bench/baseline/posts/{id}}: JSON or YAML ({@code Accept}), the anonymous fields;</li>
 *   <li>{@code GET /bench/baseline/posts?limit=100&offset=0}: newest first, as {@code /api/posts};</li>
 *   <li>{@code POST /bench/baseline/posts}: an author writes a post (201, {@code Location});</li>
 *   <li>{@code GET /bench/baseline/export?format=json|csv}: every post, streamed from the database
 *       cursor, admins only.</li>
 * </ul>
 */
@Path("baseline")
@RequestScoped
public class BaselineResource {

    private static final String YAML = "application/yaml";
    private static final MediaType CSV = MediaType.valueOf("text/csv; charset=utf-8; header=present");
    private static final String CSV_HEADER =
            "id,title,content,author.username,created_on,content_length,resource_uri\r\n";
    private static final int FETCH_SIZE = 500;
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML_MAPPER = configure(new YAMLMapper());

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    /** What anonymous callers of {@code /api/posts} see. */
    record Item(
            long id,
            String title,
            String content,
            @JsonProperty("created_on") OffsetDateTime createdOn,
            @JsonProperty("resource_uri") String resourceUri) {}

    /** What authenticated callers see. */
    record Full(
            long id,
            String title,
            String content,
            Name author,
            @JsonProperty("created_on") OffsetDateTime createdOn,
            @JsonProperty("content_length") int contentLength,
            @JsonProperty("resource_uri") String resourceUri) {}

    record Name(String username) {}

    record Input(String title, String content) {}

    @GET
    @Path("posts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("id") long id) throws JsonProcessingException {
        return one(id, JSON);
    }

    @GET
    @Path("posts/{id}")
    @Produces(YAML)
    public Response yaml(@PathParam("id") long id) throws JsonProcessingException {
        return one(id, YAML_MAPPER);
    }

    private Response one(long id, ObjectMapper mapper) throws JsonProcessingException {
        BlogPost post = find(id);
        return Response.ok(mapper.writeValueAsBytes(item(post)))
                .tag(String.valueOf(post.getVersion()))
                .build();
    }

    @GET
    @Path("posts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response page(
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") int offset,
            @QueryParam("total") boolean counted)
            throws JsonProcessingException {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new WebApplicationException(Response.Status.BAD_REQUEST);
        }
        List<BlogPost> rows = entityManager
                .createQuery("select p from BlogPost p order by p.createdOn desc, p.id desc", BlogPost.class)
                .setFirstResult(offset)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<Item> items = rows.stream().limit(limit).map(this::item).toList();
        StringBuilder links = new StringBuilder(link(limit, 0, "first"));
        if (offset > 0) {
            links.append(", ").append(link(limit, Math.max(0, offset - limit), "prev"));
        }
        if (more) {
            links.append(", ").append(link(limit, offset + limit, "next"));
        }
        Response.ResponseBuilder response = Response.ok(JSON.writeValueAsBytes(items));
        if (counted) {
            long total = entityManager
                    .createQuery("select count(p) from BlogPost p", Long.class)
                    .getSingleResult();
            long last = total == 0 ? 0 : (total - 1) / limit * limit;
            links.append(", ").append(link(limit, last, "last"));
            response.header("X-Total-Count", total);
        }
        return response.header("Link", links.toString()).build();
    }

    /** A page's link, as the framework writes it: one Link header, the same query order. */
    private String link(int limit, long offset, String rel) {
        URI target = uri.getRequestUriBuilder()
                .replaceQueryParam("limit", limit)
                .replaceQueryParam("offset", offset)
                .build();
        return "<" + target + ">; rel=\"" + rel + "\"";
    }

    @POST
    @Path("posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(byte[] body) throws JsonProcessingException {
        if (security.getUserPrincipal() == null) {
            throw new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"piston\"")
                    .build());
        }
        if (!security.isUserInRole("author") && !security.isUserInRole("admin")) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        Input input;
        try {
            input = JSON.readValue(body, Input.class);
        } catch (IOException e) {
            throw new WebApplicationException(Response.Status.BAD_REQUEST);
        }
        String name = security.getUserPrincipal().getName();
        Author author = entityManager
                .createQuery("select a from Author a where a.username = :name", Author.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        BlogPost post = new BlogPost(
                input == null ? null : input.title(), input == null ? null : input.content(), author, null);
        if (!validator.validate(post).isEmpty()) {
            throw new WebApplicationException(Response.Status.BAD_REQUEST);
        }
        entityManager.persist(post);
        entityManager.persist(new AuditEntry(
                "create",
                "posts",
                String.valueOf(post.getId()),
                name,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        entityManager.flush();
        URI location = uri.getBaseUriBuilder().path("baseline/posts/{id}").build(post.getId());
        return Response.created(location)
                .tag(String.valueOf(post.getVersion()))
                .entity(JSON.writeValueAsBytes(full(post)))
                .build();
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("format") @DefaultValue("json") String format) {
        if (security.getUserPrincipal() == null) {
            throw new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Basic realm=\"piston\"")
                    .build());
        }
        if (!security.isUserInRole("admin")) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        return switch (format) {
            case "json" ->
                Response.ok((StreamingOutput) this::exportJson, MediaType.APPLICATION_JSON_TYPE)
                        .build();
            case "csv" -> Response.ok((StreamingOutput) this::exportCsv, CSV).build();
            default -> throw new WebApplicationException(Response.Status.NOT_ACCEPTABLE);
        };
    }

    private void exportJson(OutputStream out) throws IOException {
        inReadTransaction(() -> {
            JsonGenerator generator = JSON.getFactory().createGenerator(out);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartArray();
            try (Stream<BlogPost> posts = everyPost()) {
                for (Iterator<BlogPost> rows = posts.iterator(); rows.hasNext(); ) {
                    BlogPost post = rows.next();
                    JSON.writeValue(generator, full(post));
                    entityManager.detach(post);
                }
            }
            generator.writeEndArray();
            generator.close();
        });
    }

    private void exportCsv(OutputStream out) throws IOException {
        inReadTransaction(() -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            try (Stream<BlogPost> posts = everyPost()) {
                for (Iterator<BlogPost> rows = posts.iterator(); rows.hasNext(); ) {
                    BlogPost post = rows.next();
                    Full row = full(post);
                    writer.write(Long.toString(row.id()));
                    writer.write(',');
                    writer.write(Csv.cell(row.title()));
                    writer.write(',');
                    writer.write(Csv.cell(row.content()));
                    writer.write(',');
                    writer.write(
                            Csv.cell(row.author() == null ? null : row.author().username()));
                    writer.write(',');
                    writer.write(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            row.createdOn().withOffsetSameInstant(ZoneOffset.UTC)));
                    writer.write(',');
                    writer.write(Integer.toString(row.contentLength()));
                    writer.write(',');
                    writer.write(Csv.cell(row.resourceUri()));
                    writer.write("\r\n");
                    entityManager.detach(post);
                }
            }
            writer.flush();
        });
    }

    /** Every post in id order from the database cursor, as the framework's export reads them. */
    private Stream<BlogPost> everyPost() {
        TypedQuery<BlogPost> query =
                entityManager.createQuery("select p from BlogPost p order by p.id", BlogPost.class);
        if (!entityManager.getDelegate().getClass().getName().startsWith("org.eclipse.persistence.")) {
            return query.setHint("org.hibernate.fetchSize", FETCH_SIZE).getResultStream();
        }
        query.setHint("eclipselink.jdbc.fetch-size", FETCH_SIZE);
        query.setHint("eclipselink.cursor.scrollable", Boolean.TRUE);
        query.setHint("eclipselink.cursor.scrollable.result-type", "ForwardOnly");
        @SuppressWarnings("unchecked")
        Iterator<BlogPost> cursor = (Iterator<BlogPost>) query.getSingleResult();
        Iterable<BlogPost> rows = () -> cursor;
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).onClose(() -> {
            try {
                cursor.getClass().getMethod("close").invoke(cursor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private interface Work {
        void run() throws IOException;
    }

    /** A read-only transaction around the whole export, so the cursor stays open while it is written. */
    private void inReadTransaction(Work work) throws IOException {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("The export's transaction could not begin", e);
        }
        try {
            work.run();
        } finally {
            try {
                transaction.rollback();
            } catch (Exception e) {
                throw new IllegalStateException("The export's transaction could not end", e);
            }
        }
    }

    private BlogPost find(long id) {
        BlogPost post = entityManager.find(BlogPost.class, id);
        if (post == null) {
            throw new WebApplicationException(Response.Status.NOT_FOUND);
        }
        return post;
    }

    private Item item(BlogPost post) {
        return new Item(post.getId(), post.getTitle(), post.getContent(), post.getCreatedOn(), link(post));
    }

    private Full full(BlogPost post) {
        return new Full(
                post.getId(),
                post.getTitle(),
                post.getContent(),
                post.getAuthor() == null ? null : new Name(post.getAuthor().getUsername()),
                post.getCreatedOn(),
                post.getContent() == null ? 0 : post.getContent().length(),
                link(post));
    }

    private String link(BlogPost post) {
        return uri.getBaseUri() + "baseline/posts/" + post.getId();
    }

    private static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return mapper;
    }

    /** RFC 4180 cells with the framework's spreadsheet-formula escaping, written by hand. */
    static final class Csv {
        private Csv() {}

        static String cell(String value) {
            if (value == null) {
                return "";
            }
            String text = formula(value) ? "'" + value : value;
            boolean quote = text.isEmpty() || text.strip().length() != text.length();
            for (int i = 0; i < text.length() && !quote; i++) {
                char c = text.charAt(i);
                quote = c == ',' || c == '"' || c == '\r' || c == '\n';
            }
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }

        private static boolean formula(String value) {
            if (value.isEmpty()) {
                return false;
            }
            char first = value.charAt(0);
            if (first == '=' || first == '@' || first == '\t' || first == '\r') {
                return true;
            }
            return (first == '+' || first == '-') && !value.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
        }
    }
}
