package io.pistonee.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * JWTs minted at test time with Nimbus JOSE: good ones signed with the example's development key
 * (which the example's server trusts) or with any other key, and every kind of forged or broken one.
 */
public final class Tokens {

    public static final String ISSUER = "piston-ee-example";
    public static final String AUDIENCE = "piston-ee-example";
    private static final Path KEYS = Path.of("src/example/resources/META-INF/keys");

    private Tokens() {}

    /** A valid token for a user with groups, as the example's token endpoint would issue it. */
    public static String valid(String user, String... groups) {
        return sign(claims(user, groups).build(), devKey());
    }

    /** A token whose claims were changed before signing with the development key. */
    public static String valid(String user, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(user, "author")).build(), devKey());
    }

    /**
     * A token of an author signed with any key, its claims changed before signing (another issuer's,
     * say: {@code claims -> claims.issuer("https://issuer.example")}).
     */
    public static String signedBy(PrivateKey key, String user, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(user, "author")).build(), key);
    }

    /** A token signed by a key the server has never seen. */
    public static String signedByAnotherKey(String user) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    claims(user, "author").build(), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(String user) {
        return new PlainJWT(claims(user, "admin").build()).serialize();
    }

    /** HS256 keyed with the server's public key: the classic algorithm confusion attack. */
    public static String hmacWithPublicKey(String user) {
        try {
            byte[] secret = Files.readAllBytes(KEYS.resolve("dev-public-key.pem"));
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256), claims(user, "admin").build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token with its payload swapped for another user's, keeping the signature. */
    public static String tampered(String user) {
        String[] parts = valid(user, "author").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + user + "\"", "\"admin\"")
                .replace("\"author\"", "\"admin\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static JWTClaimsSet.Builder claims(String user, String... groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", user)
                .claim("groups", List.of(groups));
    }

    private static String sign(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(com.nimbusds.jose.JOSEObjectType.JWT)
                            .build(),
                    claims);
            JWSSigner signer = new RSASSASigner(key);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey devKey() {
        try {
            String pem = Files.readString(KEYS.resolve("dev-signing-key.pem"), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder()
                    .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                            .replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
