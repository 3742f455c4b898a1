package io.pistonee.collection.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;

/** Reads an attribute path ({@code author.username}) from an entity: through getters, else fields. */
final class PropertyPaths {

    private PropertyPaths() {}

    static Object read(Object value, String dotted) {
        Object current = value;
        for (String segment : dotted.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = property(current, segment);
        }
        return current;
    }

    private static Object property(Object bean, String name) {
        String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (String getter : new String[] {"get" + capitalized, "is" + capitalized}) {
            try {
                Method method = bean.getClass().getMethod(getter);
                return method.invoke(bean);
            } catch (NoSuchMethodException e) {
                // try the next form, then the field
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "Cannot read " + name + " of " + bean.getClass().getName(), e);
            }
        }
        for (Class<?> type = bean.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(bean);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + type.getName(), e);
            }
        }
        throw new IllegalStateException(bean.getClass().getName() + " has no property " + name);
    }
}
