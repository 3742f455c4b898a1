package io.pistonee.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.Operation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.problem.ProblemException;
import org.junit.jupiter.api.Test;

class RoutingFilterTest {

    @Handler("reports")
    static class ReportHandler implements ListOperation, ReadOperation<Long> {
        @Override
        public Object list() {
            return null;
        }

        @Override
        public Object read(Long id) {
            return null;
        }
    }

    private final HandlerDescriptor reports = HandlerDescriptor.of(ReportHandler.class, TypeFactory.defaultInstance());

    @Test
    void notAllowedIs405WithTheHandlersAllowForTheTarget() {
        ProblemException collection =
                (ProblemException) RoutingFilter.notAllowed(reports, Operation.Target.COLLECTION, "POST");
        ProblemException item = (ProblemException) RoutingFilter.notAllowed(reports, Operation.Target.ITEM, "DELETE");

        assertThat(collection.problem().status()).isEqualTo(405);
        assertThat(collection.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
        assertThat(collection.problem().detail())
                .isEqualTo("POST is not allowed on 'reports'. Allowed: GET, HEAD, OPTIONS.");
        assertThat(item.problem().detail()).startsWith("DELETE is not allowed on an item of 'reports'.");
    }
}
