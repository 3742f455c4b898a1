package io.pistonee.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids ({@code jti}) of access tokens revoked before they expire (RFC 7009): a bearer token whose
 * id is here is rejected even though its signature is good. An entry is dropped once its token has
 * expired anyway, so the set holds at most one access token lifetime of revocations. Per instance.
 */
@ApplicationScoped
public class RevokedAccessTokens {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Revokes the token with this id until it expires. */
    public void revoke(String jti, Instant expires) {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> until.isBefore(now));
        if (expires.isAfter(now)) {
            revoked.put(jti, expires);
        }
    }

    /** Whether the token with this id was revoked. */
    public boolean isRevoked(String jti) {
        return jti != null && revoked.containsKey(jti);
    }
}
