package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.it.broken.FirstClashingHandler;
import io.pistonee.it.broken.SecondClashingHandler;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broken set of handlers fails the deployment on the real server, so nothing half-works.
 *
 * <p>The server logs "CDI deployment failure: Two handlers are named "clash": ..." and does not
 * start the application. Payara Micro's Arquillian adapter does not report a failed deployment as a
 * {@code DeploymentException}, so this test checks from outside that the application is not served.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentFailureIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library("clash", FirstClashingHandler.class, SecondClashingHandler.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void twoHandlersWithOneNameFailTheDeployment() {
        HttpResponse<String> response = new Http(base).get("clash");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).isNotEqualTo(Optional.of("application/problem+json"));
        assertThat(response.body()).doesNotContain("first").doesNotContain("second");
    }
}
