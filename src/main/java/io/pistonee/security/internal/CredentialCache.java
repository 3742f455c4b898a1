package io.pistonee.security.internal;

import io.pistonee.security.PasswordHash;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, briefly, that a password matched a stored hash, so a client sending Basic credentials
 * on every request pays for the slow hash once per {@code ttl} instead of on every request.
 *
 * <p>The key is a SHA-256 digest of the user name, the password <em>and the stored hash</em>: no
 * password is kept, and a changed password (a new stored hash) never matches an old entry. Roles are
 * not cached at all. Bounded: the least recently used entry goes first. Size 0 turns the cache off.
 * Thread-safe.
 */
public final class CredentialCache {

    private final int size;
    private final Duration ttl;
    private final Clock clock;
    private final Map<ByteBuffer, Instant> verified;

    public CredentialCache(int size, Duration ttl, Clock clock) {
        this.size = size;
        this.ttl = ttl;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Instant> eldest) {
                return size() > CredentialCache.this.size;
            }
        };
    }

    /** Whether this password was verified against this stored hash within the TTL. */
    public synchronized boolean contains(String username, String password, String storedHash) {
        if (size <= 0) {
            return false;
        }
        ByteBuffer key = key(username, password, storedHash);
        Instant until = verified.get(key);
        if (until != null && until.isAfter(clock.instant())) {
            return true;
        }
        verified.remove(key);
        return false;
    }

    /** Records a successful verification. */
    public synchronized void add(String username, String password, String storedHash) {
        if (size > 0) {
            verified.put(key(username, password, storedHash), clock.instant().plus(ttl));
        }
    }

    /** Forgets everything (for example after a bulk change of accounts). */
    public synchronized void clear() {
        verified.clear();
    }

    public synchronized int entries() {
        return verified.size();
    }

    private static ByteBuffer key(String username, String password, String storedHash) {
        return ByteBuffer.wrap(PasswordHash.sha256(username + '\0' + password + '\0' + storedHash));
    }
}
