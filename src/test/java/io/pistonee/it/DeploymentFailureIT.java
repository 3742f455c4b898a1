package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pistonee.it.broken.CaseBooksHandler;
import io.pistonee.it.broken.FirstClashingHandler;
import io.pistonee.it.broken.SecondClashingHandler;
import io.pistonee.it.broken.ShelfBooksHandler;
import io.pistonee.it.handlers.AnswerHandler;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broken set of handlers, or a setting the framework cannot use, fails the deployment on the real
 * server, so nothing half-works.
 *
 * <p>Every server refuses the deployment with the reason ("Two handlers are named "clash": ...",
 * "piston.cors.allowed-origins=* cannot be combined with ..."):
 * WildFly through Arquillian; Payara Micro logs "CDI deployment failure" and boots anyway, and the
 * suite's container ({@link io.pistonee.it.server.PayaraMicroContainer}) turns that into a refused
 * deployment with Payara's log records. The test deploys by hand, checks the reason, and checks from
 * outside, on the server that refused it, that the application serves nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentFailureIT {

    private static final String CLASH = "clash";

    @Deployment(name = CLASH, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.library(CLASH, FirstClashingHandler.class, SecondClashingHandler.class);
    }

    private static final String COLLISION = "collision";

    @Deployment(name = COLLISION, managed = false, testable = false)
    static WebArchive collidingPaths() {
        return Deployments.library(COLLISION, ShelfBooksHandler.class, CaseBooksHandler.class);
    }

    private static final String WILDCARD = "wildcard";

    @Deployment(name = WILDCARD, managed = false, testable = false)
    static WebArchive wildcardOriginWithCredentials() {
        return Deployments.withConfig(
                Deployments.library(WILDCARD, AnswerHandler.class),
                "piston.cors.allowed-origins=*",
                "piston.cors.allow-credentials=true");
    }

    @ArquillianResource
    Deployer deployer;

    /**
     * CORS for any origin with credentials, which browsers refuse, fails the deployment; the server log
     * names both keys (Payara logs only CDI's wrapper of the cause: the framework logs the reason).
     */
    @Test
    void anyOriginWithCredentialsFailsTheDeploymentNamingBothKeys() {
        Throwable refused = catchThrowable(() -> deployer.deploy(WILDCARD));
        try {
            assertThat(refused).as("the deployment is refused").isNotNull();
            assertThat(ServerLog.sinceDeploymentOf(WILDCARD))
                    .contains("piston.cors.allowed-origins=* cannot be combined with"
                            + " piston.cors.allow-credentials=true");
            assertThat(new Http(Deployments.server(WILDCARD)).get("answer").statusCode())
                    .isEqualTo(404);
        } finally {
            if (refused == null) {
                deployer.undeploy(WILDCARD);
            }
        }
    }

    @Test
    void twoHandlersWhosePathTemplatesCollideFailTheDeploymentNamingBoth() {
        Throwable refused = catchThrowable(() -> deployer.deploy(COLLISION));
        try {
            assertThat(refused)
                    .as("the deployment is refused")
                    .hasStackTraceContaining("Two handlers collide")
                    .hasStackTraceContaining(ShelfBooksHandler.class.getName())
                    .hasStackTraceContaining(CaseBooksHandler.class.getName());
            assertThat(new Http(Deployments.server(COLLISION))
                            .get("shelves/a/books")
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            if (refused == null) {
                deployer.undeploy(COLLISION);
            }
        }
    }

    @Test
    void twoHandlersWithOneNameFailTheDeployment() {
        Throwable refused = catchThrowable(() -> deployer.deploy(CLASH));
        try {
            assertThat(refused)
                    .as("the deployment is refused")
                    .hasStackTraceContaining("Two handlers are named")
                    .hasStackTraceContaining(FirstClashingHandler.class.getName())
                    .hasStackTraceContaining(SecondClashingHandler.class.getName());
            HttpResponse<String> response = new Http(Deployments.server(CLASH)).get(CLASH);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .isNotEqualTo(Optional.of("application/problem+json"));
            assertThat(response.body()).doesNotContain("first").doesNotContain("second");
        } finally {
            if (refused == null) {
                deployer.undeploy(CLASH);
            }
        }
    }
}
