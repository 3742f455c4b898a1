package io.pistonee.handler.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes one attribute of a model instance by its Java name: through its getter or setter
 * where it has one (which a persistence provider's lazy proxy answers), else its field. What is found
 * is kept per class, since a natural key is read for every emitted item's {@code resource_uri}.
 */
public final class Attributes {

    private static final Map<String, Optional<Method>> GETTERS = new ConcurrentHashMap<>();
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private Attributes() {}

    /** The attribute's value; {@link IllegalArgumentException} if the class has no such attribute. */
    public static Object read(Object instance, String attribute) {
        try {
            Optional<Method> getter =
                    GETTERS.computeIfAbsent(key(instance.getClass(), attribute), k -> getter(instance, attribute));
            if (getter.isPresent()) {
                return getter.get().invoke(instance);
            }
            return field(instance.getClass(), attribute).get(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Cannot read '" + attribute + "' of " + instance.getClass().getName(), e);
        }
    }

    /** Sets the attribute, through its setter if it has one. */
    public static void write(Object instance, String attribute, Object value) {
        try {
            for (Method method : instance.getClass().getMethods()) {
                if (method.getName().equals("set" + capitalized(attribute)) && method.getParameterCount() == 1) {
                    method.invoke(instance, value);
                    return;
                }
            }
            field(instance.getClass(), attribute).set(instance, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "Cannot set '" + attribute + "' of " + instance.getClass().getName(), e);
        }
    }

    /** Whether a class has the attribute, as a field of it or a superclass or a public getter. */
    public static boolean has(Class<?> type, String attribute) {
        try {
            type.getMethod("get" + capitalized(attribute));
            return true;
        } catch (NoSuchMethodException e) {
            return findField(type, attribute) != null;
        }
    }

    private static Optional<Method> getter(Object instance, String attribute) {
        for (String name : new String[] {"get" + capitalized(attribute), "is" + capitalized(attribute)}) {
            try {
                Method method = instance.getClass().getMethod(name);
                if (!Modifier.isStatic(method.getModifiers())) {
                    return Optional.of(method);
                }
            } catch (NoSuchMethodException e) {
                // try the next form, then the field
            }
        }
        return Optional.empty(); // no getter: read the field
    }

    private static Field field(Class<?> type, String attribute) {
        Field field = FIELDS.computeIfAbsent(key(type, attribute), k -> {
            Field found = findField(type, attribute);
            if (found == null) {
                throw new IllegalArgumentException(type.getName() + " has no attribute '" + attribute + "'");
            }
            found.setAccessible(true);
            return found;
        });
        return field;
    }

    private static Field findField(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(attribute);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static String key(Class<?> type, String attribute) {
        return type.getName() + '#' + attribute;
    }

    private static String capitalized(String attribute) {
        return attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
    }
}
