package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pistonee.it.broken.FirstClashingHandler;
import io.pistonee.it.broken.SecondClashingHandler;
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
 * A broken set of handlers fails the deployment on the real server, so nothing half-works.
 *
 * <p>Every server refuses the deployment with the reason ("Two handlers are named "clash": ..."):
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

    @ArquillianResource
    Deployer deployer;

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
