package io.pistonee.security;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens: opaque random strings (only their SHA-256 digests are kept), each one good for one
 * use. Using one returns a new one of the same <em>family</em>; presenting a token that was already
 * used means it was stolen or replayed, so its whole family is revoked (OAuth 2.0 Security BCP,
 * refresh token rotation). Revoking a token (RFC 7009) revokes its family too.
 *
 * <p>Kept in memory, per instance. Thread-safe.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a refresh token stands for. */
    public record Grant(String family, String subject, String clientId, String scope) {}

    private record Entry(Grant grant, Instant expires, boolean used) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<ByteBuffer, Entry> tokens = new ConcurrentHashMap<>();
    private final Set<String> revokedFamilies = ConcurrentHashMap.newKeySet();

    public RefreshTokens(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token starting a new family. */
    public String issue(String subject, String clientId, String scope) {
        return add(new Grant(UUID.randomUUID().toString(), subject, clientId, scope));
    }

    /**
     * Uses a token for a client: its grant, and marks it used; empty when it is unknown, expired,
     * revoked or another client's. A token used a second time revokes its family.
     */
    public synchronized Optional<Grant> use(String token, String clientId) {
        purge();
        ByteBuffer key = key(token);
        Entry entry = tokens.get(key);
        if (entry == null || revokedFamilies.contains(entry.grant().family())) {
            return Optional.empty();
        }
        if (!entry.grant().clientId().equals(clientId)) {
            return Optional.empty();
        }
        if (entry.used()) {
            revokedFamilies.add(entry.grant().family());
            return Optional.empty();
        }
        tokens.put(key, new Entry(entry.grant(), entry.expires(), true));
        return Optional.of(entry.grant());
    }

    /** The next token of a grant's family (after {@link #use}). */
    public String rotate(Grant grant) {
        return add(grant);
    }

    /**
     * Revokes the family of a token (RFC 7009); false when the token belongs to another client.
     * An unknown token is not an error.
     */
    public synchronized boolean revoke(String token, String clientId) {
        Entry entry = tokens.get(key(token));
        if (entry == null) {
            return true;
        }
        if (!entry.grant().clientId().equals(clientId)) {
            return false;
        }
        revokedFamilies.add(entry.grant().family());
        return true;
    }

    private String add(Grant grant) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = BASE64URL.encodeToString(random);
        tokens.put(key(token), new Entry(grant, clock.instant().plus(ttl), false));
        return token;
    }

    private void purge() {
        Instant now = clock.instant();
        tokens.values().removeIf(entry -> entry.expires().isBefore(now));
    }

    private static ByteBuffer key(String token) {
        return ByteBuffer.wrap(PasswordHash.sha256(token));
    }
}
