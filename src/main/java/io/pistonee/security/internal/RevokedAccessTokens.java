package io.pistonee.security.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.cluster.internal.SharedState;
import io.pistonee.config.OAuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens revoked before they expire (RFC 7009): one by its id ({@code jti}), or all those of a
 * refresh-token family at once, by the family id the issuer writes into each of them (claim
 * {@value #FAMILY_CLAIM}). A bearer token revoked either way is rejected even though its signature is
 * good.
 *
 * <p>Kept in the {@code SharedState}, so a revocation on one instance of a cluster holds on every other
 * at once. An entry lives as long as an access token (plus a minute for clock skew): a revoked id's
 * token is refused as expired after that anyway, and a revoked family issues no token after its
 * revocation, so the last one it issued has expired too. Nothing is stored per issued token. While the
 * authorization server is off nothing here revokes, and the store is neither created nor read.
 */
@ApplicationScoped
public class RevokedAccessTokens {

    /**
     * The claim carrying an access token's refresh-token family: OpenID Connect's session id, which is
     * what a family is (one login, kept alive by refreshing).
     */
    public static final String FAMILY_CLAIM = "sid";

    /** Tokens are accepted this long after {@code exp} by lenient verifiers: keep entries as long. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private static final String REVOKED = "revoked";

    @Inject
    SharedState state;

    @Inject
    OAuthConfig config;

    private Clock clock;
    private SharedMap ids;
    private SharedMap families;

    @PostConstruct
    void init() {
        if (config.enabled()) {
            open(state.maps(), config.accessTokenTtl(), Clock.systemUTC());
        }
    }

    /** Opens the maps for access tokens that live {@code ttl}: the authorization server is on. */
    void open(SharedMaps maps, Duration ttl, Clock clock) {
        this.clock = clock;
        ids = maps.map("access-tokens-revoked", ttl.plus(SKEW), SharedMaps.Expiry.CREATED);
        families = maps.map("access-token-families-revoked", ttl.plus(SKEW), SharedMaps.Expiry.CREATED);
    }

    /** Revokes the token with this id until it expires. */
    public void revoke(String jti, Instant expires) {
        requireOn();
        if (expires.plus(SKEW).isAfter(clock.instant())) {
            ids.put(jti, String.valueOf(expires.getEpochSecond()));
        }
    }

    /** Revokes every access token of a refresh-token family, issued or still to be issued. */
    public void revokeFamily(String family) {
        requireOn();
        families.put(family, REVOKED);
    }

    /** Whether the token with this id, or its family (either may be {@code null}), was revoked. */
    public boolean isRevoked(String jti, String family) {
        return ids != null
                && ((jti != null && ids.get(jti) != null) || (family != null && families.get(family) != null));
    }

    /** Whether this verified token was revoked; no look-up at all while the authorization server is off. */
    public boolean isRevoked(JsonWebToken token) {
        return ids != null && isRevoked(token.getTokenID(), family(token.getClaim(FAMILY_CLAIM)));
    }

    /** The family claim as the server's JWT support hands it over: a string or a JSON string. */
    private static String family(Object claim) {
        return claim instanceof String text ? text : claim instanceof JsonString json ? json.getString() : null;
    }

    private void requireOn() {
        if (ids == null) {
            throw new IllegalStateException("Tokens are revoked only while piston.oauth.enabled=true");
        }
    }
}
