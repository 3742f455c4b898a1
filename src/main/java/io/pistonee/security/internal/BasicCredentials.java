package io.pistonee.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617), parsed strictly:
 * anything else is a {@link MalformedCredentialsException} that says what is wrong, never a server
 * error.
 *
 * <p>Rejected: a missing or empty token, characters outside base64, bad padding, bytes that are not
 * UTF-8, no colon, an empty user name or password, control characters, and anything over
 * {@value #MAX_TOKEN} characters.
 */
public record BasicCredentials(String username, String password) {

    static final int MAX_TOKEN = 4096;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** Whether an {@code Authorization} header value uses the {@code Basic} scheme (in any case). */
    public static boolean isBasic(String header) {
        return Scheme.of(header) == Scheme.BASIC;
    }

    /** The credentials in a header value that starts with the {@code Basic} scheme. */
    public static BasicCredentials parse(String header) {
        String token = header.substring(Scheme.BASIC.length()).strip();
        if (token.isEmpty()) {
            throw new MalformedCredentialsException("The Basic credentials are empty.");
        }
        if (token.length() > MAX_TOKEN) {
            throw new MalformedCredentialsException("The Basic credentials are too long.");
        }
        if (!TOKEN.matcher(token).matches() || token.length() % 4 != 0) {
            throw new MalformedCredentialsException("The Basic credentials are not valid base64.");
        }
        String decoded = utf8(Base64.getDecoder().decode(token));
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new MalformedCredentialsException("The Basic credentials have no ':' between user and password.");
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (username.isEmpty() || password.isEmpty()) {
            throw new MalformedCredentialsException("The Basic credentials need a user name and a password.");
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedCredentialsException("The Basic credentials contain control characters.");
        }
        return new BasicCredentials(username, password);
    }

    private static String utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedCredentialsException("The Basic credentials are not UTF-8.");
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + username + "]";
    }
}
