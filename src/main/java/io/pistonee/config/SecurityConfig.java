package io.pistonee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Piston EE's security settings, from MicroProfile Config. Every key, its default and its meaning is
 * in docs/configuration.md; the MicroProfile JWT keys ({@code mp.jwt.verify.*}) are the
 * server's and are read here only to default the token endpoint's issuer and audience.
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
    @ConfigProperty(name = "piston.oauth.signing-key")
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = "piston.oauth.key-id")
    Optional<String> keyId;

    @Inject
    @ConfigProperty(name = "piston.oauth.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> verifiedIssuer;

    @Inject
    @ConfigProperty(name = "piston.oauth.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> verifiedAudiences;

    @Inject
    @ConfigProperty(name = "piston.oauth.access-token.ttl-seconds", defaultValue = "900")
    long accessTokenTtlSeconds;

    @Inject
    @ConfigProperty(name = "piston.oauth.refresh-token.ttl-seconds", defaultValue = "1209600")
    long refreshTokenTtlSeconds;

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

    /** Where the token endpoint's RSA private key (PKCS#8 PEM) is: a class path resource or a file. */
    public Optional<String> signingKey() {
        return signingKey;
    }

    public Optional<String> keyId() {
        return keyId;
    }

    /** The {@code iss} of issued tokens: {@code piston.oauth.issuer}, else {@code mp.jwt.verify.issuer}. */
    public String issuer() {
        return issuer.or(() -> verifiedIssuer).orElse("piston-ee");
    }

    /** The {@code aud} of issued tokens: {@code piston.oauth.audience}, else the first verified audience. */
    public String audience() {
        return audience.or(() -> verifiedAudiences.map(list -> list.split(",")[0].strip()))
                .orElse("piston-ee");
    }

    public Duration accessTokenTtl() {
        return Duration.ofSeconds(accessTokenTtlSeconds);
    }

    public Duration refreshTokenTtl() {
        return Duration.ofSeconds(refreshTokenTtlSeconds);
    }
}
