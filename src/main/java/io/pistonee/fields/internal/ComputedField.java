package io.pistonee.fields.internal;

/** A field whose value is computed from the instance, such as a handler's {@code contentLength(post)}. */
@FunctionalInterface
public interface ComputedField {

    Object compute(Object instance);
}
