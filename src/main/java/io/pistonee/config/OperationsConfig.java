package io.pistonee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of what operations staff use: the readiness check of the database
 * ({@code piston.health.*}; whether it exists at all, {@code piston.health.database.enabled}, is read
 * at deployment by {@code io.pistonee.health.internal.HealthExtension}) and the metrics
 * ({@code piston.metrics.*}). Every key, its default and its meaning is in docs/configuration.md.
 */
@ApplicationScoped
public class OperationsConfig {

    @Inject
    @ConfigProperty(name = "piston.health.database.data-source", defaultValue = "java:comp/DefaultDataSource")
    String dataSource = "java:comp/DefaultDataSource";

    @Inject
    @ConfigProperty(name = "piston.health.database.timeout", defaultValue = "2")
    int databaseTimeoutSeconds = 2;

    @Inject
    @ConfigProperty(name = "piston.metrics.enabled", defaultValue = "true")
    boolean metrics = true;

    @Inject
    @ConfigProperty(name = "piston.metrics.path", defaultValue = "/prometheus")
    String metricsPath = "/prometheus";

    @Inject
    @ConfigProperty(name = "piston.metrics.allowed", defaultValue = "127.0.0.0/8, ::1")
    String metricsAllowed = "127.0.0.0/8, ::1";

    @Inject
    @ConfigProperty(name = "piston.metrics.role")
    Optional<String> metricsRole = Optional.empty();

    /** The JNDI name of the data source the readiness check asks. */
    public String dataSource() {
        return dataSource;
    }

    /** How long the readiness check waits for the database's answer (at least a second). */
    public Duration databaseTimeout() {
        if (databaseTimeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "piston.health.database.timeout must be at least 1 (seconds), not " + databaseTimeoutSeconds);
        }
        return Duration.ofSeconds(databaseTimeoutSeconds);
    }

    /** Whether requests are counted and the metrics served. */
    public boolean metrics() {
        return metrics;
    }

    /** Where, under the context root, the metrics are served: a path starting with {@code /}. */
    public String metricsPath() {
        String path = metricsPath.strip();
        if (!path.startsWith("/") || path.length() < 2 || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException(
                    "piston.metrics.path must be a path such as /prometheus, not '" + metricsPath + "'");
        }
        return path;
    }

    /** The addresses and CIDR ranges the metrics are served to, comma-separated. */
    public String metricsAllowed() {
        return metricsAllowed;
    }

    /** The role a caller needs to read the metrics, when one is set. */
    public Optional<String> metricsRole() {
        return metricsRole.map(String::strip).filter(role -> !role.isEmpty());
    }

    /** Settings given directly, for code that runs without a container (unit tests, tools). */
    public static OperationsConfig of(boolean metrics, String path, String allowed, String role) {
        OperationsConfig config = new OperationsConfig();
        config.metrics = metrics;
        config.metricsPath = path;
        config.metricsAllowed = allowed;
        config.metricsRole = Optional.ofNullable(role);
        return config;
    }
}
