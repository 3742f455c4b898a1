package io.pistonee.oauth.internal;

import io.pistonee.security.PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key the token endpoint signs with (RS256), read from a PKCS#8 PEM file or class path
 * resource, with its public half as a JWK. The key id is the configured one, else the key's
 * RFC 7638 thumbprint, so it changes exactly when the key does.
 *
 * @param privateKey the signing key
 * @param publicKey its public key
 * @param keyId the {@code kid} of tokens and of the JWK
 */
public record SigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, String keyId) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Reads a key from a file path, or else a class path resource of that name. */
    public static SigningKey load(String location, String keyId, ClassLoader loader) {
        try {
            Path file = Path.of(location);
            String pem;
            if (Files.isRegularFile(file)) {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } else {
                try (InputStream in =
                        loader.getResourceAsStream(location.startsWith("/") ? location.substring(1) : location)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "piston.oauth.signing-key: no file or class path resource " + location);
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            return of(pem, keyId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public static SigningKey of(String pem, String keyId) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey pub =
                    (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new SigningKey(key, pub, keyId == null || keyId.isBlank() ? thumbprint(pub) : keyId);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("piston.oauth.signing-key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** The public key as a JWK (RFC 7517) for the JWKS endpoint. */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", unsigned(publicKey.getModulus()));
        jwk.put("e", unsigned(publicKey.getPublicExponent()));
        return jwk;
    }

    private static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        return BASE64URL.encodeToString(PasswordHash.sha256(canonical));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] trimmed = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, trimmed, 0, trimmed.length);
        return BASE64URL.encodeToString(trimmed);
    }
}
