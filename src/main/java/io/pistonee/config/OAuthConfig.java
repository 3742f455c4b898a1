package io.pistonee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OAuth 2.0 authorization server's settings ({@code piston.oauth.*}), from MicroProfile Config.
 * Every key, its default and its meaning is in docs/configuration.md. The MicroProfile JWT keys
 * ({@code mp.jwt.verify.*}) are the server's and are read here only to default the issuer and the
 * audience of issued tokens.
 */
@ApplicationScoped
public class OAuthConfig {

    @Inject
    @ConfigProperty(name = "piston.oauth.enabled", defaultValue = "false")
    boolean enabled;

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

    @Inject
    @ConfigProperty(name = "piston.oauth.refresh-token.max-per-user", defaultValue = "20")
    int refreshTokenMaxPerUser;

    /** Whether the application serves the authorization server's endpoints at all. */
    public boolean enabled() {
        return enabled;
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

    /** How many refresh-token families (logins) a user keeps per client: a new one retires the oldest. */
    public int refreshTokenMaxPerUser() {
        return refreshTokenMaxPerUser;
    }
}
