package io.pistonee.oauth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.OAuthConfig;
import io.pistonee.security.internal.RevokedAccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Mints the token endpoint's access tokens: RS256 JWTs in the RFC 9068 profile ({@code iss},
 * {@code sub}, {@code aud}, {@code exp}, {@code iat}, {@code jti}, {@code client_id}, {@code scope})
 * with MicroProfile JWT's {@code upn} and {@code groups}, so the server's own MP-JWT support verifies
 * them, and {@code sid}, the refresh-token family a token was issued from, so that revoking the family
 * revokes the token too. Signed with the JDK alone: no JOSE library is needed in the WAR.
 *
 * <p>The header's {@code typ} is {@code JWT}, not RFC 9068's {@code at+jwt}: Payara's MP-JWT
 * verifier rejects any other type.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> CLAIMS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    @Inject
    OAuthConfig config;

    private volatile SigningKey key;
    private final Clock clock = Clock.systemUTC();

    /** An issued access token and its lifetime in seconds. */
    public record AccessToken(String value, long expiresIn) {}

    /** Whether a signing key is configured. */
    public boolean configured() {
        return config.signingKey().isPresent();
    }

    /**
     * A signed access token for a subject (a user, or a client acting for itself), of a refresh-token
     * family or none ({@code null}).
     */
    public AccessToken issue(String subject, String clientId, Set<String> groups, String scope, String family) {
        Instant now = clock.instant();
        long expiresIn = config.accessTokenTtl().toSeconds();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("sub", subject);
        claims.put("aud", config.audience());
        claims.put("exp", now.getEpochSecond() + expiresIn);
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("client_id", clientId);
        if (scope != null) {
            claims.put("scope", scope);
        }
        if (family != null) {
            claims.put(RevokedAccessTokens.FAMILY_CLAIM, family);
        }
        claims.put("upn", subject);
        claims.put("groups", List.copyOf(new TreeSet<>(groups)));
        return new AccessToken(sign(claims), expiresIn);
    }

    /**
     * The claims of an access token this issuer signed (signature checked against its key), or
     * {@code null} for anything else.
     */
    public Map<String, Object> ownClaims(String token) {
        String[] parts = token.split("\\.", -1);
        if (!configured() || parts.length != 3) {
            return null;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key().publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), CLAIMS);
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    /** The public key set, for {@code /oauth/jwks}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(key().jwk()));
    }

    private String sign(Map<String, Object> claims) {
        SigningKey signing = key();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", signing.keyId());
        String input = part(header) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signing.privateKey());
            rsa.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with piston.oauth.signing-key", e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SigningKey key() {
        SigningKey loaded = key;
        if (loaded == null) {
            String location = config.signingKey()
                    .orElseThrow(() -> new IllegalStateException("piston.oauth.signing-key is not set"));
            loaded = SigningKey.load(
                    location,
                    config.keyId().orElse(null),
                    Thread.currentThread().getContextClassLoader());
            key = loaded;
        }
        return loaded;
    }
}
