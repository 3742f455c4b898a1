package io.pistonee.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model's modification timestamp, so single-item responses carry {@code Last-Modified} and
 * answer {@code If-Modified-Since} with 304 and {@code If-Unmodified-Since} with 412.
 *
 * <pre>{@code
 * @LastModified
 * @Column(name = "updated_on")
 * private OffsetDateTime updatedOn;     // set in @PrePersist / @PreUpdate
 * }</pre>
 *
 * On a field or a getter of type {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Instant},
 * {@code LocalDateTime} (read as UTC) or {@code java.util.Date}. The framework only reads it: keeping
 * it current is the model's job.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface LastModified {}
