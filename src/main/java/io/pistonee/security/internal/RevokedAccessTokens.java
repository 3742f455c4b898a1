package io.pistonee.security.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.cluster.internal.SharedState;
import io.pistonee.config.OAuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The ids ({@code jti}) of access tokens revoked before they expire (RFC 7009): a bearer token whose
 * id is here is rejected even though its signature is good. Kept in the {@code SharedState}, so a
 * revocation on one instance of a cluster holds on every other at once; an entry lives as long as an
 * access token (plus a minute for clock skew), after which its token is refused as expired anyway.
 */
@ApplicationScoped
public class RevokedAccessTokens {

    /** Tokens are accepted this long after {@code exp} by lenient verifiers: keep entries as long. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    @Inject
    SharedState state;

    @Inject
    OAuthConfig config;

    private final Clock clock = Clock.systemUTC();
    private SharedMap revoked;

    @PostConstruct
    void init() {
        revoked = state.map("access-tokens-revoked", config.accessTokenTtl().plus(SKEW), SharedMaps.Expiry.CREATED);
    }

    /** Revokes the token with this id until it expires. */
    public void revoke(String jti, Instant expires) {
        if (expires.plus(SKEW).isAfter(clock.instant())) {
            revoked.put(jti, String.valueOf(expires.getEpochSecond()));
        }
    }

    /** Whether the token with this id was revoked. */
    public boolean isRevoked(String jti) {
        return jti != null && revoked.get(jti) != null;
    }
}
