package io.pistonee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Piston EE's security settings, from MicroProfile Config. Every key, its default and its meaning is
 * in docs/configuration.md; the authorization server's are in {@link OAuthConfig}. The server's own
 * {@code mp.jwt.verify.*} keys are read only to say at start-up when bearer tokens cannot be verified.
 */
@ApplicationScoped
public class SecurityConfig {

    @Inject
    @ConfigProperty(name = "piston.security.realm", defaultValue = "piston")
    String realm;

    @Inject
    @ConfigProperty(name = "piston.security.pbkdf2.iterations", defaultValue = "310000")
    int iterations;

    @Inject
    @ConfigProperty(name = "piston.security.credential-cache.size", defaultValue = "1000")
    int cacheSize;

    @Inject
    @ConfigProperty(name = "piston.security.credential-cache.ttl-seconds", defaultValue = "60")
    long cacheTtlSeconds;

    @Inject
    @ConfigProperty(name = "piston.security.login.max-failures-per-user", defaultValue = "5")
    int maxFailuresPerUser;

    @Inject
    @ConfigProperty(name = "piston.security.login.max-failures-per-address", defaultValue = "50")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "piston.security.login.window-seconds", defaultValue = "300")
    long loginWindowSeconds;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> verifyPublicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> verifyPublicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> verifyIssuer;

    /** The realm named in {@code WWW-Authenticate} challenges. */
    public String realm() {
        return realm;
    }

    /** PBKDF2 iterations for new password hashes (stored hashes keep their own). */
    public int iterations() {
        return iterations;
    }

    /** How many verified credentials are remembered; 0 turns the cache off. */
    public int cacheSize() {
        return cacheSize;
    }

    public Duration cacheTtl() {
        return Duration.ofSeconds(cacheTtlSeconds);
    }

    public int maxFailuresPerUser() {
        return maxFailuresPerUser;
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public Duration loginWindow() {
        return Duration.ofSeconds(loginWindowSeconds);
    }

    /**
     * Whether the server's MicroProfile JWT has a key to verify bearer tokens with
     * ({@code mp.jwt.verify.publickey} or {@code mp.jwt.verify.publickey.location}).
     */
    public boolean verifyKeyConfigured() {
        return verifyPublicKey.isPresent() || verifyPublicKeyLocation.isPresent();
    }

    /** Whether the issuer bearer tokens must name is configured ({@code mp.jwt.verify.issuer}). */
    public boolean verifyIssuerConfigured() {
        return verifyIssuer.isPresent();
    }
}
