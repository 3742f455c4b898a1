package io.pistonee.handler;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the {@link ResourceEvent}s of one phase of a write.
 *
 * <pre>{@code
 * void audit(@Observes @Lifecycle(Lifecycle.Phase.AFTER_UPDATE) ResourceEvent event) { ... }
 * void everyWrite(@Observes ResourceEvent event) { ... }      // no qualifier: every phase
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Lifecycle {

    Phase value();

    /** When an event is fired, relative to the handler's operation. */
    enum Phase {
        BEFORE_CREATE,
        AFTER_CREATE,
        BEFORE_UPDATE,
        AFTER_UPDATE,
        BEFORE_DELETE,
        AFTER_DELETE
    }

    /** The qualifier as a value, for firing. */
    final class Literal extends AnnotationLiteral<Lifecycle> implements Lifecycle {

        private static final long serialVersionUID = 1L;

        private final Phase phase;

        private Literal(Phase phase) {
            this.phase = phase;
        }

        public static Literal of(Phase phase) {
            return new Literal(phase);
        }

        @Override
        public Phase value() {
            return phase;
        }
    }
}
