package io.pistonee.conditional.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.handler.LastModified;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.Handlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The validators of a representation: its entity tag and, where the model has one, its
 * modification time.
 *
 * <p>A tag identifies one representation (RFC 9110 §8.8.3), so it has two parts,
 * {@code "<state>-<variant>"}:
 * <ul>
 *   <li>the <em>state</em>: an item whose class has a JPA {@code @Version} is tagged with that
 *       version (it changes exactly when the stored row does, and costs nothing to compute); any
 *       other item with a hash of its shape under the handler's field spec;</li>
 *   <li>the <em>variant</em>: the eight characters of {@link Variant#key()}, which differ between
 *       the anonymous and the authenticated shape, between formats, between {@code ?fields=}
 *       narrowings and between JSONP callbacks.</li>
 * </ul>
 * {@code If-None-Match} compares whole tags, so a cache revalidating one variant never gets a 304
 * for another. A write compares only the state part ({@code If-Match}, {@code If-None-Match} on PUT, PATCH and DELETE): a write
 * replaces the state, whichever representation the client read it in. A collection gets a weak tag
 * {@code W/"<hash of its items' states>-<variant>"}. {@code Last-Modified} comes from a property
 * marked {@link LastModified}.
 */
@ApplicationScoped
public class EntityTags {

    private static final Accessors NONE = new Accessors(null, null);
    private static final MessageDigest SHA_256 = newSha256();

    @Inject
    Handlers handlers;

    /** Variant keys remembered: a handful per handler, unless clients vary {@code ?fields=} or callbacks. */
    private static final int KEYS = 256;

    private final ConcurrentMap<Class<?>, Accessors> accessors = new ConcurrentHashMap<>();
    private final ConcurrentMap<Variant, String> keys = new ConcurrentHashMap<>();

    /** The strong tag of one item in one variant: {@code "<state>-<variant>"}. */
    public String of(HandlerDescriptor handler, Object item, URI root, Variant variant) {
        return Preconditions.strong(state(handler, item, root) + '-' + key(variant));
    }

    /**
     * A variant's key (a hash, computed on every tagged response otherwise), remembered for the
     * handlers' own variants: those without a client's {@code ?fields=} or callback, whose specs are
     * the descriptors' own instances.
     */
    String key(Variant variant) {
        if (variant.narrowing() != null || variant.callback() != null) {
            return variant.key();
        }
        String key = keys.get(variant);
        if (key == null) {
            key = variant.key();
            if (keys.size() < KEYS) {
                keys.putIfAbsent(variant, key);
            }
        }
        return key;
    }

    /** The state part of an item's tags: its {@code @Version}, else a hash of its shape. */
    public String state(HandlerDescriptor handler, Object item, URI root) {
        Object value = unwrap(item);
        Object version = read(accessorsOf(value).version(), value);
        if (version instanceof Number number) {
            return number.toString();
        }
        if (version != null) {
            return encode(sha256().digest(version.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return hash(handlers.shaper().shape(value, handler.fields(), root));
    }

    /**
     * The weak tag of a collection in one variant, or {@code null} for a one-pass sequence (a stream,
     * an iterator).
     */
    public String ofCollection(HandlerDescriptor handler, Object result, URI root, Variant variant) {
        if (!io.pistonee.fields.internal.Shaper.isSequence(result)) {
            return Preconditions.weak(
                    hash(handlers.shaper().shape(result, handler.listFields(), root)) + '-' + key(variant));
        }
        if (!(result instanceof Iterable<?>) && !result.getClass().isArray()) {
            return null;
        }
        // The items' states in one text, hashed once: "<class>#<id>@<version>," for an entity with a
        // version (the class named again only where it changes), a hash of the shape otherwise.
        io.pistonee.fields.internal.Shaper shaper = handlers.shaper();
        StringBuilder states = new StringBuilder();
        Class<?> previous = null;
        for (Iterator<?> items = io.pistonee.fields.internal.Shaper.items(result); items.hasNext(); ) {
            Object item = items.next();
            Object id = item == null ? null : shaper.idOf(item);
            Object version = id == null ? null : read(accessorsOf(item).version(), item);
            if (version != null) {
                if (item.getClass() != previous) {
                    previous = item.getClass();
                    states.append(previous.getName());
                }
                states.append('#').append(id).append('@').append(version);
            } else {
                previous = null;
                states.append(hash(shaper.shape(item, handler.listFields(), root)));
            }
            states.append(',');
        }
        return Preconditions.weak(
                encode(sha256().digest(states.toString().getBytes(StandardCharsets.UTF_8))) + '-' + key(variant));
    }

    /** An item's JPA {@code @Version}, if its class has one. */
    public Optional<Object> version(Object item) {
        Object value = unwrap(item);
        return Optional.ofNullable(read(accessorsOf(value).version(), value));
    }

    /** When an item was last modified, if its model says so. */
    public Optional<Instant> lastModified(Object item) {
        Object value = unwrap(item);
        return Optional.ofNullable(toInstant(read(accessorsOf(value).lastModified(), value)));
    }

    private Accessors accessorsOf(Object value) {
        if (value == null) {
            return NONE;
        }
        return accessors.computeIfAbsent(
                value.getClass(),
                type -> new Accessors(annotated(type, Version.class), annotated(type, LastModified.class)));
    }

    private static Object unwrap(Object item) {
        return item instanceof Optional<?> optional ? optional.orElse(null) : item;
    }

    /** A getter or field carrying the annotation, in the class or a superclass; {@code null} if none. */
    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(annotation) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return method;
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(annotation)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        return null;
    }

    private static Object read(AccessibleObject accessor, Object value) {
        try {
            if (accessor instanceof Method method) {
                return method.invoke(value);
            }
            return accessor instanceof Field field ? field.get(value) : null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static Instant toInstant(Object time) {
        if (time instanceof Instant instant) {
            return instant;
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (time instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (time instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return time instanceof Date date ? date.toInstant() : null;
    }

    static String hash(JsonNode tree) {
        return encode(sha256().digest(tree.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    }

    /** A new SHA-256 digest: a copy of one made once (looking the algorithm up costs more than a copy). */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private record Accessors(AccessibleObject version, AccessibleObject lastModified) {}
}
