package io.pistonee.health.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.eclipse.microprofile.health.Readiness;

/**
 * Looks up the readiness check's data source when the web application starts (declared in the
 * framework jar's {@code web-fragment.xml}): a servlet context listener runs in the application's
 * own naming context on every server, where {@code java:comp} names resolve; Payara runs CDI's
 * start-up observers and the health checks outside it. (The check is qualified {@code @Readiness},
 * so that is how it is asked for.) Then it asks the database whether it answers ({@link FirstAnswer}),
 * which fires {@code DatabaseAnswered} if it does.
 */
public class HealthListener implements ServletContextListener {

    @Inject
    @Readiness
    Instance<DatabaseCheck> check;

    @Inject
    FirstAnswer firstAnswer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (check.isResolvable()) {
            check.get().start();
        }
        firstAnswer.start();
    }
}
