package io.pistonee.security.internal;

import io.pistonee.cluster.internal.SharedState;
import io.pistonee.config.SecurityConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application's one {@link LoginLimiter}, configured by {@code piston.security.login.*}, its
 * failures in the {@code SharedState} (shared by a cluster).
 */
@ApplicationScoped
public class LoginLimits {

    @Inject
    SecurityConfig config;

    @Inject
    SharedState state;

    private LoginLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new LoginLimiter(
                state.maps(),
                config.maxFailuresPerUser(),
                config.maxFailuresPerAddress(),
                config.loginWindow(),
                Clock.systemUTC());
    }

    public LoginLimiter limiter() {
        return limiter;
    }
}
