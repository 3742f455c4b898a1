package io.pistonee.handler.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether an entity loads whole: read from its JPA annotations, no attribute of it, nor of the
 * entities and embeddables it loads with it, is fetched lazily. Such an entity can be shaped after
 * its persistence context has ended, by any provider, so a read of it needs no transaction kept
 * open until the response is written ({@code ReadTransactionFilter}).
 *
 * <p>Conservative: a to-many association or element collection (lazy by default, and a collection
 * besides), a {@code LAZY} to-one or basic attribute, or a type that is no entity or embeddable,
 * answers {@code false}.
 */
final class EagerGraphs {

    private EagerGraphs() {}

    static boolean loadsWhole(Class<?> type) {
        return loadsWhole(type, new HashSet<>());
    }

    private static boolean loadsWhole(Class<?> type, Set<Class<?>> seen) {
        if (!type.isAnnotationPresent(Entity.class) && !type.isAnnotationPresent(Embeddable.class)) {
            return false;
        }
        if (!seen.add(type)) {
            return true;
        }
        for (Class<?> c = type;
                c != null
                        && (c == type
                                || c.isAnnotationPresent(Entity.class)
                                || c.isAnnotationPresent(MappedSuperclass.class));
                c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())
                        && !field.isSynthetic()
                        && !loadsWhole(field, field.getType(), seen)) {
                    return false;
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == 0
                        && !loadsWhole(method, method.getReturnType(), seen)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether one attribute (a field, or a getter under property access) loads with its entity. */
    private static boolean loadsWhole(AnnotatedElement member, Class<?> type, Set<Class<?>> seen) {
        if (member.isAnnotationPresent(Transient.class)) {
            return true;
        }
        if (member.isAnnotationPresent(OneToMany.class)
                || member.isAnnotationPresent(ManyToMany.class)
                || member.isAnnotationPresent(ElementCollection.class)) {
            return false;
        }
        ManyToOne manyToOne = member.getAnnotation(ManyToOne.class);
        if (manyToOne != null) {
            return manyToOne.fetch() == FetchType.EAGER && loadsWhole(type, seen);
        }
        OneToOne oneToOne = member.getAnnotation(OneToOne.class);
        if (oneToOne != null) {
            return oneToOne.fetch() == FetchType.EAGER && loadsWhole(type, seen);
        }
        Basic basic = member.getAnnotation(Basic.class);
        if (basic != null && basic.fetch() == FetchType.LAZY) {
            return false;
        }
        if (member.isAnnotationPresent(Embedded.class)
                || member.isAnnotationPresent(EmbeddedId.class)
                || type.isAnnotationPresent(Embeddable.class)) {
            return loadsWhole(type, seen);
        }
        return true;
    }
}
