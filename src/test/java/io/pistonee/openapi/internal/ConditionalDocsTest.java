package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.handler.LastModified;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalDocsTest {

    static class Stamped {
        @LastModified
        private Instant updatedOn;
    }

    static class StampedSubclass extends Stamped {}

    static class StampedGetter {
        @LastModified
        public Instant getChanged() {
            return Instant.EPOCH;
        }
    }

    static class Plain {
        private Instant createdOn;
    }

    @Test
    void findsLastModifiedOnAFieldAGetterOrASuperclass() {
        assertThat(ConditionalDocs.marks(Stamped.class, LastModified.class)).isTrue();
        assertThat(ConditionalDocs.marks(StampedSubclass.class, LastModified.class))
                .isTrue();
        assertThat(ConditionalDocs.marks(StampedGetter.class, LastModified.class))
                .isTrue();
        assertThat(ConditionalDocs.marks(Plain.class, LastModified.class)).isFalse();
    }
}
