package io.pistonee.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often a caller may use a handler's operations: Piston's
 * {@code @throttle(5, 10*60, 'user_writes')}.
 *
 * <pre>{@code
 * @Handler("posts")
 * @Throttle(requests = 5, per = 600, scope = "user_writes", operations = {Operation.UPDATE})
 * public class PostHandler extends ModelHandler<BlogPost, Long> {}
 *
 * // or on the operation itself:
 * @Override
 * @Throttle(requests = 5, per = 600, scope = "user_writes")
 * public BlogPost update(Long id, BlogPost input) { return super.update(id, input); }
 * }</pre>
 *
 * Exactly {@link #requests()} requests pass per caller in each window of {@link #per()} seconds (fixed
 * windows aligned to the epoch); the next answers 429 with {@code Retry-After}. A caller is the
 * authenticated user, else the client address, plus the OAuth client id when the token carries one.
 * Operations with the same scope share one budget, across handlers too. On the class, the throttle
 * applies to the listed operations (all when none are listed); on a handler method ({@code list},
 * {@code read}, {@code create}, {@code update}, {@code delete}), to that operation. PATCH counts as
 * update. {@code piston.throttle.<scope>.requests} and {@code .per} override the numbers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Throttle {

    /** How many requests pass per window. */
    int requests();

    /** The window, in seconds. */
    long per();

    /** The budget's name; empty means the handler's name. */
    String scope() default "";

    /** On a class: the operations throttled; empty means all. Ignored on a method. */
    Operation[] operations() default {};
}
