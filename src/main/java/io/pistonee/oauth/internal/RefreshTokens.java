package io.pistonee.oauth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import io.pistonee.security.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Refresh tokens, each good for one use (OAuth 2.0 Security BCP, refresh token rotation). A password
 * grant starts a <em>family</em>; using its token returns the family's next one. Presenting any other
 * token of the family (one already used: it was stolen or replayed) revokes the whole family, and
 * revoking a token (RFC 7009) does too. Either way the family's access tokens are revoked with it:
 * whoever is told of a revoked family (the store the bearer mechanism reads) rejects every access
 * token carrying its id.
 *
 * <p>A token is {@code key.secret}: the family's secret key, then its current secret, both random.
 * One entry per family is stored, under the key's digest: the grant and the digest of the current
 * secret. So a family costs the same however often it rotates, and a reused token is still known as
 * one of its family without keeping any used token. The family's public id (the access tokens'
 * {@code sid}) is another random value, so an access token gives no way to a family's refresh tokens.
 * A family lives {@code ttl} from its last rotation.
 *
 * <p>A user keeps at most {@code maxFamilies} families per client: a new grant beyond that retires
 * the oldest one, whose refresh token then stops working (its access tokens run to their end). So
 * the store's size is bounded by the users and clients, not by how often they log in.
 *
 * <p>Kept in {@link SharedMaps}, so every instance of a cluster sees a use or a revocation at once.
 * A use is a compare-and-set of the family's entry: of two instances using the same token at the
 * same moment, one wins and the other sees a reused token (and revokes the family). Thread-safe.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {};

    /** What a refresh token stands for. */
    public record Grant(String family, String subject, String clientId, String scope) {}

    /** A use of a token: its grant, and the family's next token, which replaces it. */
    public record Rotation(Grant grant, String next) {}

    /** A stored family: its grant and the digest of its current secret. */
    record Entry(Grant grant, String current) {}

    private final int maxFamilies;
    private final SharedMap families;
    private final SharedMap owners;
    private final Consumer<String> onRevoke;

    /**
     * Refresh tokens whose families live {@code ttl} from their last use, in these maps.
     *
     * @param maxFamilies how many families a user keeps per client
     * @param onRevoke told the id of each family revoked here, after its refresh tokens are
     */
    public RefreshTokens(SharedMaps maps, Duration ttl, int maxFamilies, Consumer<String> onRevoke) {
        if (maxFamilies < 1) {
            throw new IllegalArgumentException("A user needs at least one refresh-token family per client");
        }
        this.maxFamilies = maxFamilies;
        this.onRevoke = onRevoke;
        this.families = maps.map("refresh-token-families", ttl, SharedMaps.Expiry.MODIFIED);
        // a user's list of families lives as long as the newest of them
        this.owners = maps.map("refresh-token-owners", ttl, SharedMaps.Expiry.MODIFIED);
    }

    /** A new grant, the start of a new family: {@link #start} stores it and makes its first token. */
    public Grant grant(String subject, String clientId, String scope) {
        return new Grant(UUID.randomUUID().toString(), subject, clientId, scope);
    }

    /**
     * Stores a new family and answers its first token; retires the user's oldest families for the
     * client beyond the most it may keep.
     */
    public String start(Grant grant) {
        String key = random();
        String secret = random();
        String stored = digest(key);
        families.put(stored, encode(new Entry(grant, digest(secret))));
        for (String retired : enlist(grant.subject(), grant.clientId(), stored)) {
            families.remove(retired);
        }
        return key + '.' + secret;
    }

    /**
     * Uses a token for a client: its grant and the family's next token; empty when it is unknown,
     * expired, revoked or another client's. Presenting a token of the family other than its current
     * one revokes the family.
     */
    public Optional<Rotation> use(String token, String clientId) {
        Optional<String[]> parts = parts(token);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String stored = digest(parts.get()[0]);
        String presented = digest(parts.get()[1]);
        while (true) {
            String value = families.get(stored);
            if (value == null) {
                return Optional.empty();
            }
            Entry entry = decode(value);
            if (!entry.grant().clientId().equals(clientId)) {
                return Optional.empty();
            }
            if (!MessageDigest.isEqual(bytes(entry.current()), bytes(presented))) {
                revokeFamily(stored, entry.grant());
                return Optional.empty();
            }
            String secret = random();
            if (families.replace(stored, value, encode(new Entry(entry.grant(), digest(secret))))) {
                return Optional.of(new Rotation(entry.grant(), parts.get()[0] + '.' + secret));
            }
            // another request used it at the same moment: the next round sees it used
        }
    }

    /**
     * Revokes the family of a token (RFC 7009); false when the token belongs to another client.
     * An unknown token is not an error.
     */
    public boolean revoke(String token, String clientId) {
        Optional<String[]> parts = parts(token);
        if (parts.isEmpty()) {
            return true;
        }
        String stored = digest(parts.get()[0]);
        String value = families.get(stored);
        if (value == null) {
            return true;
        }
        Grant grant = decode(value).grant();
        if (!grant.clientId().equals(clientId)) {
            return false;
        }
        revokeFamily(stored, grant);
        return true;
    }

    /** No refresh token of the family is good from now on, then none of its access tokens either. */
    private void revokeFamily(String stored, Grant grant) {
        families.remove(stored);
        onRevoke.accept(grant.family());
    }

    /**
     * Adds a family to its user's list for the client, and answers the families it retires: those
     * beyond the newest the user keeps, oldest first. The list is read and replaced in one step with
     * nothing in between (no lookup of its families): under many logins of one user at once, a wider
     * window between the read and the replace made the grants retry each other for seconds.
     */
    private List<String> enlist(String subject, String clientId, String stored) {
        String owner = digest(subject + '\n' + clientId);
        while (true) {
            String value = owners.get(owner);
            List<String> kept = value == null ? new ArrayList<>() : new ArrayList<>(decodeKeys(value));
            kept.add(stored);
            List<String> retired = new ArrayList<>(kept.subList(0, Math.max(0, kept.size() - maxFamilies)));
            kept.subList(0, retired.size()).clear();
            String next = encode(kept);
            if (value == null ? owners.putIfAbsent(owner, next) : owners.replace(owner, value, next)) {
                return retired;
            }
            // another grant for the same user and client at the same moment: read its list again
        }
    }

    private static Optional<String[]> parts(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {token.substring(0, dot), token.substring(dot + 1)});
    }

    private static String random() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }

    private static String digest(String value) {
        return BASE64URL.encodeToString(PasswordHash.sha256(value));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry decode(String stored) {
        try {
            return JSON.readValue(stored, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored refresh-token family is unreadable", e);
        }
    }

    private static List<String> decodeKeys(String stored) {
        try {
            return JSON.readValue(stored, KEYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored list of refresh-token families is unreadable", e);
        }
    }
}
