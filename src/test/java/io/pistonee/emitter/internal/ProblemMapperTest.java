package io.pistonee.emitter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.config.PistonConfig;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.problem.internal.PersistenceFailures;
import io.pistonee.problem.internal.TransactionFailedException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    {
        mapper.config = PistonConfig.of("snake_case", 1024);
    }

    record Post(@NotBlank String title, @NotBlank String bodyText) {}

    @Test
    void problemExceptionsAreTheirOwnProblemEvenWhenWrapped() {
        ProblemException thrown = Rc.FORBIDDEN.error("Not yours.");

        ProblemException mapped = mapper.problemOf(new RuntimeException("transaction rolled back", thrown));

        assertThat(mapped).isSameAs(thrown);
        assertThat(mapped.problem().status()).isEqualTo(403);
    }

    @Test
    void platformExceptionsKeepStatusAndAllow() {
        Response platform = Response.status(405).header("Allow", "GET, HEAD").build();

        ProblemException mapped = mapper.problemOf(new NotAllowedException(platform));

        assertThat(mapped.problem().status()).isEqualTo(405);
        assertThat(mapped.problem().title()).isEqualTo("Method Not Allowed");
        assertThat(mapped.headers()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void platformNotFoundSaysSoWithoutInternals() {
        ProblemException mapped = mapper.problemOf(new NotFoundException("HTTP 404 Not Found from Jersey"));

        assertThat(mapped.problem().detail()).isEqualTo("There is no resource at this path.");
    }

    @Test
    void constraintViolationsAre400WithClientFieldNames() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        ConstraintViolationException violations =
                new ConstraintViolationException(validator.validate(new Post("", "")));

        ProblemException mapped = mapper.problemOf(violations);

        assertThat(mapped.problem().status()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors =
                (List<Map<String, Object>>) mapped.problem().extensions().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactly("body_text", "title");
    }

    @Test
    void unexpectedExceptionsAre500AndRevealNothing() {
        ProblemException mapped = mapper.problemOf(new IllegalStateException("password=hunter2 at db.internal"));

        assertThat(mapped.problem().status()).isEqualTo(500);
        assertThat(mapped.problem().detail())
                .doesNotContain("hunter2")
                .doesNotContain("IllegalState")
                .contains(String.valueOf(mapped.problem().extensions().get("incident")));
    }

    @Test
    void platformServerErrorsKeepTheirStatusAndRetryAfterButNotTheirMessage() {
        Response unavailable = Response.status(503).header("Retry-After", "30").build();

        ProblemException mapped =
                mapper.problemOf(new jakarta.ws.rs.ServiceUnavailableException("pool db-7 exhausted", unavailable));

        assertThat(mapped.problem().status()).isEqualTo(503);
        assertThat(mapped.headers()).containsEntry("Retry-After", "30");
        assertThat(mapped.problem().detail()).doesNotContain("db-7").contains("incident");
    }

    @Test
    void problemMembersComeInRfcOrder() {
        Problem problem =
                Rc.NOT_FOUND.problem("Gone missing.").at("/api/posts/9").with("hint", "check the id");

        assertThat(problem.toMap())
                .containsExactly(
                        Map.entry("type", "about:blank"),
                        Map.entry("title", "Not Found"),
                        Map.entry("status", 404),
                        Map.entry("detail", "Gone missing."),
                        Map.entry("instance", "/api/posts/9"),
                        Map.entry("hint", "check the id"));
    }

    @Test
    void forbiddenIs403() {
        assertThat(Rc.FORBIDDEN.status()).isEqualTo(403);
        assertThat(Rc.phrase(418)).isNotBlank();
    }

    @Test
    void persistenceFailuresMapByThemselvesWithoutTheDatabaseMessage() {
        SQLException unique = new SQLException("Unique index PUBLIC.GADGET(CODE) violated: 'secret'", "23505");
        PersistenceException wrapped = new PersistenceException("flush failed", unique);

        ProblemException mapped = mapper.problemOf(new RuntimeException("rolled back", wrapped));

        assertThat(mapped.problem().status()).isEqualTo(409);
        assertThat(mapped.problem().detail()).doesNotContain("secret").doesNotContain("GADGET");
        assertThat(mapper.problemOf(new EntityNotFoundException("gone"))
                        .problem()
                        .status())
                .isEqualTo(404);
        assertThat(mapper.problemOf(new EntityExistsException("twice"))
                        .problem()
                        .status())
                .isEqualTo(409);
        assertThat(mapper.problemOf(new PersistenceException(new SQLException("deadlock", "40001")))
                        .problem()
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anOptimisticLockIs409Or412WhenIfMatchWasSent() {
        assertThat(PersistenceFailures.of(new OptimisticLockException("stale"), false, 5)
                        .problem()
                        .status())
                .isEqualTo(409);
        assertThat(PersistenceFailures.of(new OptimisticLockException("stale"), true, 5)
                        .problem()
                        .status())
                .isEqualTo(412);
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        ProblemException refused = PersistenceFailures.of(
                new PersistenceException(new SQLException("Connection refused", "08001")), false, 7);
        ProblemException timeout =
                PersistenceFailures.of(new PersistenceException(new SQLTransientConnectionException("pool")), false, 7);

        assertThat(refused.problem().status()).isEqualTo(503);
        assertThat(refused.headers()).containsEntry("Retry-After", "7");
        assertThat(timeout.problem().status()).isEqualTo(503);
        assertThat(PersistenceFailures.of(new IllegalStateException("other"), false, 7))
                .isNull();
    }

    @Test
    void clientErrorsAreNotLoggedAndServerErrorsLogTheirCauseOnce() {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ProblemMapper.class.getName());
        logger.addHandler(capture);
        try {
            mapper.problemOf(new PersistenceException(new OptimisticLockException("stale")));
            mapper.problemOf(new EntityExistsException("duplicate"));
            mapper.problemOf(Rc.FORBIDDEN.error("Not yours."));
            mapper.problemOf(new NotFoundException());
            assertThat(logged).as("4xx").isEmpty();

            SQLException refused = new SQLException("Connection refused", "08001");
            mapper.problemOf(new PersistenceException(refused));
            IllegalStateException bug = new IllegalStateException("bug");
            mapper.problemOf(bug);

            assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.SEVERE);
            assertThat(logged.get(0).getThrown().getCause()).isSameAs(refused);
            assertThat(logged.get(1).getThrown()).isSameAs(bug);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aTransactionTheContainerCouldNotCompleteIs503WithRetryAfter() {
        // Payara: the write failed on a dead connection, then the rollback did, and only that is reported.
        ProblemException failed = PersistenceFailures.of(
                new TransactionFailedException(new jakarta.transaction.TransactionalException(
                        "exception during commit", new jakarta.transaction.SystemException("JTS5031"))),
                false,
                7);

        assertThat(failed.problem().status()).isEqualTo(503);
        assertThat(failed.headers()).containsEntry("Retry-After", "7");
        assertThat(failed.problem().detail()).doesNotContain("JTS");
    }

    @Test
    void aReturnedErrorStatusIsAProblemAndContentGoesAlong() {
        assertThat(Rc.NOT_HERE.with(null).toProblem().problem().detail()).isEqualTo("Gone.");
        assertThat(Rc.DUPLICATE_ENTRY.with("Taken.").toProblem().problem().detail())
                .isEqualTo("Taken.");
        assertThat(Rc.DUPLICATE_ENTRY
                        .with(Map.of("id", 1))
                        .toProblem()
                        .problem()
                        .extensions())
                .containsEntry("content", Map.of("id", 1));
        assertThat(Rc.PRECONDITION_REQUIRED.status()).isEqualTo(428);
    }
}
