package io.pistonee.oauth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.security.PasswordHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Refresh tokens: opaque random strings (only their SHA-256 digests are kept), each one good for one
 * use. Using one returns a new one of the same <em>family</em>; presenting a token that was already
 * used means it was stolen or replayed, so its whole family is revoked (OAuth 2.0 Security BCP,
 * refresh token rotation). Revoking a token (RFC 7009) revokes its family too. Either way the family's
 * access tokens are revoked with it: whoever is told of a revoked family (the store the bearer
 * mechanism reads) rejects every access token carrying its id.
 *
 * <p>Kept in {@link SharedMaps}, so every instance of a cluster sees a use or a revocation at once.
 * A use is a compare-and-set of the stored entry: of two instances using the same token at the same
 * moment, one wins and the other sees a reused token (and revokes the family). Thread-safe.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVOKED = "revoked";

    /** What a refresh token stands for. */
    public record Grant(String family, String subject, String clientId, String scope) {}

    /** A stored token: its grant, when it expires and whether it was used. */
    record Entry(Grant grant, long expires, boolean used) {}

    private final Duration ttl;
    private final Clock clock;
    private final SharedMap tokens;
    private final SharedMap revokedFamilies;
    private final Consumer<String> onRevoke;

    /**
     * Refresh tokens that live {@code ttl}, in these maps.
     *
     * @param onRevoke told the id of each family revoked here, after its refresh tokens are
     */
    public RefreshTokens(SharedMaps maps, Duration ttl, Clock clock, Consumer<String> onRevoke) {
        this.ttl = ttl;
        this.clock = clock;
        this.onRevoke = onRevoke;
        this.tokens = maps.map("refresh-tokens", ttl, SharedMaps.Expiry.CREATED);
        // a family's newest token lives at most ttl after the revocation
        this.revokedFamilies = maps.map("refresh-families-revoked", ttl, SharedMaps.Expiry.CREATED);
    }

    /** A new grant, the start of a new family: {@link #issue} makes its first token. */
    public Grant grant(String subject, String clientId, String scope) {
        return new Grant(UUID.randomUUID().toString(), subject, clientId, scope);
    }

    /**
     * Uses a token for a client: its grant, and marks it used; empty when it is unknown, expired,
     * revoked or another client's. A token used a second time revokes its family.
     */
    public Optional<Grant> use(String token, String clientId) {
        String key = key(token);
        while (true) {
            String stored = tokens.get(key);
            Entry entry = stored == null ? null : decode(stored);
            if (entry == null
                    || entry.expires() <= clock.millis()
                    || revokedFamilies.get(entry.grant().family()) != null
                    || !entry.grant().clientId().equals(clientId)) {
                return Optional.empty();
            }
            if (entry.used()) {
                revokeFamily(entry.grant().family());
                return Optional.empty();
            }
            if (tokens.replace(key, stored, encode(new Entry(entry.grant(), entry.expires(), true)))) {
                return Optional.of(entry.grant());
            }
            // another request used it at the same moment: the next round sees it used
        }
    }

    /** A new token of a grant's family: its first one, or the next one after {@link #use}. */
    public String issue(Grant grant) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = BASE64URL.encodeToString(random);
        Instant expires = clock.instant().plus(ttl);
        tokens.put(key(token), encode(new Entry(grant, expires.toEpochMilli(), false)));
        return token;
    }

    /**
     * Revokes the family of a token (RFC 7009); false when the token belongs to another client.
     * An unknown token is not an error.
     */
    public boolean revoke(String token, String clientId) {
        String stored = tokens.get(key(token));
        if (stored == null) {
            return true;
        }
        Grant grant = decode(stored).grant();
        if (!grant.clientId().equals(clientId)) {
            return false;
        }
        revokeFamily(grant.family());
        return true;
    }

    /** No refresh token of the family is good from now on, then none of its access tokens either. */
    private void revokeFamily(String family) {
        revokedFamilies.put(family, REVOKED);
        onRevoke.accept(family);
    }

    private static String key(String token) {
        return BASE64URL.encodeToString(PasswordHash.sha256(token));
    }

    private static String encode(Entry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry decode(String stored) {
        try {
            return JSON.readValue(stored, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored refresh token is unreadable", e);
        }
    }
}
