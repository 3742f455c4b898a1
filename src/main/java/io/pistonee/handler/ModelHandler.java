package io.pistonee.handler;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Listing;
import io.pistonee.collection.Page;
import io.pistonee.collection.internal.CriteriaQueries;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.collection.internal.Scope;
import io.pistonee.config.PistonConfig;
import io.pistonee.handler.internal.EclipseLinkReads;
import io.pistonee.handler.internal.ModelRoute;
import io.pistonee.handler.internal.Resolution;
import io.pistonee.problem.Rc;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A handler tied to a JPA entity, with working defaults for every operation on the default
 * persistence unit. Override any one and keep the rest.
 *
 * <pre>{@code
 * @Handler("posts")
 * public class PostHandler extends ModelHandler<BlogPost, Long> {
 *     @Override
 *     public Stream<BlogPost> list() {          // newest first; read, create, update, delete stay
 *         return stream("select p from BlogPost p order by p.createdOn desc", BlogPost.class);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #list()}: a page of the entities ({@code ?limit=&offset=} or {@code ?cursor=}),
 *       filtered and sorted as the request asks within what the handler's {@link Listing} allows,
 *       ordered by id by default. Override it with any result: a {@code List}
 *       ({@link #query}), a {@code Stream} ({@link #stream}, for collections of any size), anything
 *       else.</li>
 *   <li>{@link #read}: the entity, or 404.</li>
 *   <li>Mounted with a natural key ({@code @Handler(key = "username")}), items are read, updated and
 *       deleted by that attribute; under a parent item ({@code @Handler(path = "authors/{username}/posts",
 *       parent = "author")}), the collection and items are only the parent's rows and a create is tied
 *       to the parent.</li>
 *   <li>{@link #create}: persists the bound, validated input; the answer is 201 with {@code Location}.
 *       A client never sets the id or the version.</li>
 *   <li>{@link #update}: copies every property a client may write from the input onto the stored
 *       entity (a full replacement: a property left out becomes {@code null}), or 404.</li>
 *   <li>{@link #delete}: removes the entity, or 404.</li>
 * </ul>
 * Override {@link #scope} to limit the rows a caller may see: every default operation then keeps to
 * it ({@code docs/scoping.md}).
 * Writes run in a transaction opened by the framework and are flushed before the method returns,
 * so a database error is answered, not hidden until commit. Properties marked
 * {@code @JsonProperty(access = READ_ONLY)} or {@code @JsonIgnore} are never written by clients.
 *
 * @param <T> the entity
 * @param <ID> its id type
 */
public abstract class ModelHandler<T, ID>
        implements ListOperation, ReadOperation<ID>, CreateOperation<T>, UpdateOperation<ID, T>, DeleteOperation<ID> {

    /** Rows a streamed query reads per database round trip. */
    static final int STREAM_FETCH_SIZE = 500;

    /** Rows per query of {@link #stream()}. */
    static final int STREAM_BATCH = 2000;

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private PistonConfig config;

    @Inject
    private Resolution resolution;

    private final Class<T> model;
    private final ModelRoute route;

    /** Whether a subclass overrides {@link #scope}: without one, a read is the entity manager's {@code find}. */
    private final boolean scoped;

    private volatile List<BeanPropertyDefinition> writable;

    @SuppressWarnings("unchecked")
    protected ModelHandler() {
        model = (Class<T>) TypeFactory.defaultInstance()
                .constructType(getClass())
                .findTypeParameters(ModelHandler.class)[0]
                .getRawClass();
        route = ModelRoute.of(getClass());
        scoped = overridesScope(getClass());
    }

    /** Whether the handler's own classes declare {@link #scope} (not a container's generated subclass). */
    private static boolean overridesScope(Class<?> type) {
        for (Class<?> c = type; c != ModelHandler.class; c = c.getSuperclass()) {
            if (!c.isSynthetic()
                    && Arrays.stream(c.getDeclaredMethods())
                            .anyMatch(method -> method.getName().equals("scope") && method.getParameterCount() == 2)) {
                return true;
            }
        }
        return false;
    }

    @PostConstruct
    private void failFastReads() {
        EclipseLinkReads.withoutRetries(entityManager.getEntityManagerFactory());
    }

    @Override
    public List<T> list() {
        return page(listQuery());
    }

    /**
     * The collection query of this request ({@code ?limit=}, filters, {@code ?sort=}...), already
     * checked against the handler's {@link Listing}; the first page in id order outside a request.
     */
    protected ListQuery listQuery() {
        try {
            return resolution.query().orElseGet(this::firstPage);
        } catch (ContextNotActiveException e) {
            return firstPage();
        }
    }

    /** One page of the entities in {@link #scope} that pass a query, built with the Criteria API. */
    protected Page<T> page(ListQuery query) {
        return CriteriaQueries.page(entityManager, model, rows(), query, config.mapper());
    }

    /**
     * The rows the current caller may see, as a condition on {@code root}; {@code null} (the default)
     * for every row. Every default operation applies it: the pages of {@link #list()} with their
     * filters, sorts, cursors and {@code ?total=true} count, {@link #read} and so {@link #update},
     * PATCH and {@link #delete}, and {@link #stream()}. A row outside it answers 404, like a missing
     * one. Called once per query, with that query's root.
     *
     * <pre>{@code
     * @Override
     * protected Predicate scope(CriteriaBuilder builder, Root<Draft> root) {
     *     return request.isUserInRole("admin")
     *             ? null
     *             : builder.equal(root.get("author").get("username"), security.getCallerPrincipal().getName());
     * }
     * }</pre>
     *
     * Queries written by hand ({@link #query}, {@link #stream(String, Class)}) are not scoped: add the
     * condition to them yourself.
     */
    protected Predicate scope(CriteriaBuilder builder, Root<T> root) {
        return null;
    }

    /** The entity in {@link #scope}, or 404 (the same answer for a row out of scope and a missing one). */
    @Override
    public T read(ID id) {
        T entity = scoped || route.narrows()
                ? CriteriaQueries.find(entityManager, model, rows(), route.key(), id)
                : entityManager.find(model, id);
        if (entity == null) {
            throw Rc.NOT_FOUND.error("There is no item with id " + id + "."); // never the Java class name
        }
        return entity;
    }

    @Override
    public T create(T input) {
        route.attach(entityManager, model, input, parentItem());
        entityManager.persist(input);
        entityManager.flush();
        return input;
    }

    @Override
    public T update(ID id, T input) {
        T stored = read(id);
        for (BeanPropertyDefinition property : writable()) {
            property.getMutator().setValue(stored, accessor(property).getValue(input));
        }
        entityManager.flush();
        return stored;
    }

    @Override
    public void delete(ID id) {
        entityManager.remove(read(id));
        entityManager.flush();
    }

    /**
     * Detaches an entity of this handler's model from the persistence context once it has been
     * emitted, so a streamed result (see {@link #stream}) never holds every row in memory. Called by
     * the framework; anything else is left alone.
     */
    public void detach(Object item) {
        detach(entityManager, item);
    }

    /**
     * What {@link #detach} does, for every item of one streamed response: the entity manager of the
     * current transaction is looked up once rather than per row (the container's transaction-scoped
     * one finds it again on every call). Valid while that transaction lasts, as a stream's does until
     * its response is written ({@code ReadTransactionFilter}).
     */
    public Consumer<Object> detacher() {
        // the provider's own (EclipseLink's, Hibernate's session); unwrap() answers the container's proxy
        EntityManager inTransaction =
                entityManager.getDelegate() instanceof EntityManager delegate ? delegate : entityManager;
        return item -> detach(inTransaction, item);
    }

    private void detach(EntityManager manager, Object item) {
        if (model.isInstance(item) && manager.contains(item)) {
            manager.detach(item);
        }
    }

    /**
     * Every entity in {@link #scope}, in id order, unpaged, read from the database as the response is
     * written: for exports. It is read in batches of {@value #STREAM_BATCH} by id (each batch the rows
     * after the last one's id: one bounded query, which no database copies whole before its first
     * row, as H2 does an open cursor's result), so memory stays flat whatever the table's size; an
     * entity whose id is composite or not {@code Comparable} is read through one cursor instead
     * ({@link #stream(TypedQuery)}). A row added or removed while an export runs is in it or not as
     * of the batch that reaches its id.
     */
    protected Stream<T> stream() {
        Iterator<T> batches = CriteriaQueries.allInBatches(entityManager, model, rows(), STREAM_BATCH);
        return batches == null
                ? stream(CriteriaQueries.all(entityManager, model, rows()))
                : StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false);
    }

    /**
     * Runs a JPQL query as a stream of results, read from the database as the response is written:
     * for large collections. The persistence context stays open (and each written entity is detached)
     * until the response is complete; see {@code ReadTransactionFilter}.
     */
    protected <R> Stream<R> stream(String jpql, Class<R> type) {
        return stream(entityManager.createQuery(jpql, type));
    }

    /**
     * Runs a query as a stream read from the database as it is consumed. JPA's
     * {@code getResultStream()} does that on Hibernate; EclipseLink's reads the whole result first, so
     * there the query runs through EclipseLink's scrollable cursor instead (its documented
     * {@code eclipselink.cursor.scrollable} hint, forward-only). The JDBC fetch size is set to
     * {@value #STREAM_FETCH_SIZE} through each provider's hint, since some drivers (PostgreSQL's) read
     * a whole result at once without one; PostgreSQL's fetches in batches only inside a transaction,
     * which every streamed read has ({@code ReadTransactionFilter}). On EclipseLink the entities are
     * read-only (its shared cache's, not copies in the persistence context): change none of them.
     * Close the stream when done (the framework does).
     */
    protected <R> Stream<R> stream(TypedQuery<R> query) {
        // Rows per database round trip: without it some drivers (PostgreSQL's) read the whole result.
        query.setHint(isEclipseLink() ? "eclipselink.jdbc.fetch-size" : "org.hibernate.fetchSize", STREAM_FETCH_SIZE);
        if (!isEclipseLink()) {
            return query.getResultStream();
        }
        query.setHint("eclipselink.cursor.scrollable", Boolean.TRUE);
        // Read-only: rows come from the shared cache without a copy registered in the persistence
        // context. Registered, every row a cursor read stayed reachable from EclipseLink's unit of work
        // even once detached (jmap: 560,000 entities and twice as many DescriptorEvents held by 21
        // exports of 50,000 rows midway, a 512 MB heap full): memory grew with the rows written.
        query.setHint("eclipselink.read-only", Boolean.TRUE);
        // EclipseLink's default is a scroll-insensitive result set, which PostgreSQL's driver reads
        // whole whatever the fetch size: only a forward-only one is fetched in batches.
        query.setHint("eclipselink.cursor.scrollable.result-set-type", "ForwardOnly");
        @SuppressWarnings("unchecked")
        Iterator<R> cursor = (Iterator<R>) query.getSingleResult();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .onClose(() -> close(cursor));
    }

    private boolean isEclipseLink() {
        return entityManager.getDelegate().getClass().getName().startsWith("org.eclipse.persistence.");
    }

    /** EclipseLink's cursors have a public {@code close()} but implement no closing interface. */
    private static void close(Object cursor) {
        try {
            cursor.getClass().getMethod("close").invoke(cursor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The database cursor could not be closed", e);
        }
    }

    /** The entity this handler serves. */
    protected Class<T> model() {
        return model;
    }

    /** The entity manager of the default persistence unit. */
    protected EntityManager entityManager() {
        return entityManager;
    }

    /** Runs a JPQL query; a convenience for overrides. */
    protected <R> List<R> query(String jpql, Class<R> type) {
        return entityManager.createQuery(jpql, type).getResultList();
    }

    /**
     * What every default operation reads: the rows in {@link #scope} and, under a parent item
     * ({@code @Handler(parent = ...)}), only the parent's.
     */
    private Scope<T> rows() {
        Object parentItem = parentItem();
        return (builder, root) -> {
            Predicate scope = scope(builder, root);
            Predicate parent = route.where(entityManager, builder, root, parentItem);
            return scope == null ? parent : parent == null ? scope : builder.and(scope, parent);
        };
    }

    /**
     * The parent item this request reached the handler under ({@link Route#parent()}), or {@code null}
     * outside a request or at a path without one.
     */
    private Object parentItem() {
        try {
            return resolution.route().parent();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private ListQuery firstPage() {
        return ListQuery.firstPage(ListingRules.NONE, config.pageDefaultSize());
    }

    /** The properties a client may write: bindable by Jackson, persistent, and neither id nor version. */
    private List<BeanPropertyDefinition> writable() {
        List<BeanPropertyDefinition> properties = writable;
        if (properties == null) {
            properties = new ArrayList<>();
            EntityType<T> entity = entityManager.getMetamodel().entity(model);
            ObjectMapper mapper = config.mapper();
            BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(model));
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (property.couldDeserialize()
                        && property.getMutator() != null
                        && accessor(property) != null
                        && isPlainAttribute(entity, property.getInternalName())) {
                    property.getMutator().fixAccess(true);
                    accessor(property).fixAccess(true);
                    properties.add(property);
                }
            }
            writable = List.copyOf(properties);
        }
        return properties;
    }

    private static boolean isPlainAttribute(EntityType<?> entity, String name) {
        for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
            if (attribute.getName().equals(name)) {
                return !attribute.isId() && !attribute.isVersion();
            }
        }
        return false;
    }

    private static AnnotatedMember accessor(BeanPropertyDefinition property) {
        return property.hasGetter() ? property.getGetter() : property.getField();
    }
}
