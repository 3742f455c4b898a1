package io.pistonee.health.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves the readiness check {@code database} out of the application when
 * {@code piston.health.database.enabled=false}, so the server's health endpoints do not list it at
 * all (an application without a database, or one that checks its own).
 */
public class HealthExtension implements Extension {

    static final String ENABLED = "piston.health.database.enabled";

    void vetoWhenDisabled(@Observes ProcessAnnotatedType<DatabaseCheck> type) {
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue(ENABLED, Boolean.class)
                .orElse(true);
        if (!enabled) {
            type.veto();
        }
    }
}
