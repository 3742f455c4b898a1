package io.pistonee.security.internal;

import jakarta.json.JsonNumber;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The message context the server's JWT mechanism sees: the request counts as protected (so the
 * mechanism looks at the token even where no security constraint applies) and a rejection is only
 * recorded, not answered, so that {@link PistonAuthenticationMechanism} answers it as a problem (the
 * response it sees ignores errors it sends: WildFly's sends 500 when it has no key to verify with). It
 * also rejects what the server's verifier lets through: a token not valid yet, a revoked token (by its
 * own id or its refresh-token family's).
 *
 * <p>The server's mechanism sees the token under the scheme spelled {@code Bearer}, whatever case the
 * client used: schemes are case-insensitive (RFC 9110), Payara's JWT mechanism looks for
 * {@code "Bearer "} only.
 */
final class BearerContext extends HttpMessageContextWrapper {

    private static final long CLOCK_SKEW_SECONDS = 60;

    private boolean authenticated;

    private final RevokedAccessTokens revoked;

    private final HttpServletRequest request;

    private final HttpServletResponse response;

    BearerContext(HttpMessageContext context, RevokedAccessTokens revoked, HttpServletRequest request, String token) {
        super(context);
        this.revoked = revoked;
        this.request = new CanonicalRequest(request, "Bearer " + token);
        this.response = new QuietResponse(context.getResponse());
    }

    /** The request as the server's mechanism reads it: {@code Authorization: Bearer <token>}. */
    @Override
    public HttpServletRequest getRequest() {
        return request;
    }

    /** The response as the server's mechanism writes it: errors it sends are left to the caller. */
    @Override
    public HttpServletResponse getResponse() {
        return response;
    }

    boolean authenticated() {
        return authenticated;
    }

    @Override
    public boolean isProtected() {
        return true;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID || rejected(result.getCallerPrincipal())) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        authenticated = true;
        return super.notifyContainerAboutLogin(result);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        if (principal == null || rejected(principal)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        authenticated = true;
        return super.notifyContainerAboutLogin(principal, groups);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callername, Set<String> groups) {
        if (callername == null) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        authenticated = true;
        return super.notifyContainerAboutLogin(callername, groups);
    }

    /** What the server's verifier does not check: a future {@code nbf}, a revoked token or family. */
    private boolean rejected(Principal principal) {
        return notYetValid(principal) || (principal instanceof JsonWebToken token && revoked.isRevoked(token));
    }

    /** A token whose {@code nbf} lies ahead (beyond the clock skew) is not valid yet. */
    static boolean notYetValid(Principal principal) {
        if (!(principal instanceof JsonWebToken token) || token.getClaim("nbf") == null) {
            return false;
        }
        Object nbf = token.getClaim("nbf");
        long notBefore = nbf instanceof Number number
                ? number.longValue()
                : nbf instanceof JsonNumber json ? json.longValue() : Long.parseLong(nbf.toString());
        return notBefore > Instant.now().getEpochSecond() + CLOCK_SKEW_SECONDS;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus responseNotFound() {
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A request whose {@code Authorization} header is the given value. */
    private static final class CanonicalRequest extends HttpServletRequestWrapper {

        private final String authorization;

        CanonicalRequest(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            return isAuthorization(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isAuthorization(name) ? Collections.enumeration(Set.of(authorization)) : super.getHeaders(name);
        }

        private static boolean isAuthorization(String name) {
            return "Authorization".equalsIgnoreCase(name);
        }
    }

    /** A response on which sending an error does nothing: the rejection is answered by the caller. */
    private static final class QuietResponse extends HttpServletResponseWrapper {

        QuietResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            // Recorded by the returned status; PistonAuthenticationMechanism answers.
        }

        @Override
        public void sendError(int status, String message) {
            // As above.
        }
    }
}
