package io.pistonee.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property that is never part of a default field set: a password hash, a token, a secret.
 *
 * <pre>{@code
 * @Sensitive
 * private String passwordHash;
 * }</pre>
 *
 * An entity emitted without a field spec, as a related object ({@code author()}) or under
 * {@code ?fields=}, never shows it; only a handler's own explicit {@code fields} list can name it.
 * Put it on the field or on the getter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Sensitive {}
