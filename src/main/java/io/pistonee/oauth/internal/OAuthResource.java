package io.pistonee.oauth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.cluster.internal.SharedState;
import io.pistonee.config.OAuthConfig;
import io.pistonee.edge.internal.Edge;
import io.pistonee.security.Account;
import io.pistonee.security.internal.AccountIdentityStore;
import io.pistonee.security.internal.BasicCredentials;
import io.pistonee.security.internal.IdentityStores;
import io.pistonee.security.internal.LoginLimiter;
import io.pistonee.security.internal.LoginLimits;
import io.pistonee.security.internal.MalformedCredentialsException;
import io.pistonee.security.internal.RevokedAccessTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OAuth 2.0 authorization server's endpoints (RFC 6749, 7009, 7517), under the API root:
 *
 * <ul>
 *   <li>{@code POST /oauth/token}: grants {@code client_credentials}, {@code password} and
 *       {@code refresh_token}. Clients authenticate with HTTP Basic or {@code client_id} and
 *       {@code client_secret} form fields (not both). Refresh tokens rotate on every use; a reused
 *       one revokes its family.</li>
 *   <li>{@code POST /oauth/revoke}: RFC 7009 revocation of a refresh token (and its family, access
 *       tokens included) or of an access token issued here (rejected from then on, until it would have
 *       expired).</li>
 *   <li>{@code GET /oauth/jwks}: the public signing key as a JWK set: point
 *       {@code mp.jwt.verify.publickey.location} of other instances here.</li>
 * </ul>
 * Errors follow RFC 6749 §5.2 ({@link OAuthException}); failed client and user logins count towards
 * the same limits as HTTP Basic.
 */
@Path("oauth")
@ApplicationScoped
public class OAuthResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE =
            Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Inject
    Edge edge;

    @Inject
    OAuthConfig config;

    @Inject
    TokenIssuer issuer;

    @Inject
    AccountIdentityStore accounts;

    @Inject
    IdentityStores identityStores;

    @Inject
    LoginLimits limits;

    @Inject
    RevokedAccessTokens revokedAccessTokens;

    @Inject
    SharedState state;

    @Context
    HttpServletRequest request;

    private RefreshTokens refreshTokens;

    @PostConstruct
    void init() {
        refreshTokens = new RefreshTokens(
                state.maps(),
                config.refreshTokenTtl(),
                config.refreshTokenMaxPerUser(),
                revokedAccessTokens::revokeFamily);
    }

    @POST
    @Path("token")
    @Consumes(FORM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        if (!issuer.configured()) {
            throw new OAuthException("temporarily_unavailable", "No signing key is configured.", 503, 0);
        }
        Account client = authenticateClient(form);
        String grant = single(form, "grant_type")
                .orElseThrow(() -> new OAuthException("invalid_request", "grant_type is required."));
        return switch (grant) {
            case "client_credentials" -> clientCredentials(client, form);
            case "password" -> password(client, form);
            case "refresh_token" -> refresh(client, form);
            default ->
                throw new OAuthException(
                        "unsupported_grant_type", "Supported: client_credentials, password, refresh_token.");
        };
    }

    @POST
    @Path("revoke")
    @Consumes(FORM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(MultivaluedMap<String, String> form) {
        Account client = authenticateClient(form);
        String token = required(form, "token");
        single(form, "token_type_hint");
        Map<String, Object> access = issuer.ownClaims(token);
        boolean allowed =
                access == null ? refreshTokens.revoke(token, client.name()) : revokeAccessToken(access, client.name());
        if (!allowed) {
            throw new OAuthException("unauthorized_client", "This token was issued to another client.");
        }
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    private boolean revokeAccessToken(Map<String, Object> claims, String clientId) {
        if (!clientId.equals(claims.get("client_id"))) {
            return false;
        }
        if (claims.get("jti") instanceof String jti && claims.get("exp") instanceof Number exp) {
            revokedAccessTokens.revoke(jti, Instant.ofEpochSecond(exp.longValue()));
        }
        return true;
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        if (!issuer.configured()) {
            throw new OAuthException("temporarily_unavailable", "No signing key is configured.", 503, 0);
        }
        return Response.ok(json(issuer.jwks()))
                .type("application/jwk-set+json")
                .header("Cache-Control", "max-age=300")
                .build();
    }

    private Response clientCredentials(Account client, MultivaluedMap<String, String> form) {
        String scope = scope(form);
        return tokens(issuer.issue(client.name(), client.name(), client.groups(), scope, null), null, scope);
    }

    private Response password(Account client, MultivaluedMap<String, String> form) {
        String username = required(form, "username");
        String password = required(form, "password");
        String scope = scope(form);
        LoginLimiter.Attempt attempt = checkLimits(username);
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            limits.limiter().failed(username, edge.clientAddress(request));
            throw new OAuthException("invalid_grant", "The user name or password is wrong.");
        }
        limits.limiter().succeeded(attempt);
        String subject = result.getCallerPrincipal().getName();
        // A refresh re-reads the user's groups from Accounts; another identity store cannot be asked
        // for them without the password, nor whether the user still exists: no refresh token then.
        if (accounts.groupsOf(subject).isEmpty()) {
            return tokens(issuer.issue(subject, client.name(), result.getCallerGroups(), scope, null), null, scope);
        }
        RefreshTokens.Grant grant = refreshTokens.grant(subject, client.name(), scope);
        return tokens(
                issuer.issue(subject, client.name(), result.getCallerGroups(), scope, grant.family()),
                refreshTokens.start(grant),
                scope);
    }

    private Response refresh(Account client, MultivaluedMap<String, String> form) {
        String token = required(form, "refresh_token");
        RefreshTokens.Rotation rotation = refreshTokens
                .use(token, client.name())
                .orElseThrow(() -> new OAuthException(
                        "invalid_grant", "The refresh token is unknown, expired, revoked or already used."));
        RefreshTokens.Grant grant = rotation.grant();
        String scope = scope(form);
        if (scope != null && !scope.equals(grant.scope())) {
            throw new OAuthException("invalid_scope", "A refresh cannot change the scope.");
        }
        Set<String> groups = accounts.groupsOf(grant.subject())
                .orElseThrow(() -> new OAuthException("invalid_grant", "The user no longer exists."));
        return tokens(
                issuer.issue(grant.subject(), client.name(), groups, grant.scope(), grant.family()),
                rotation.next(),
                grant.scope());
    }

    private static Response tokens(TokenIssuer.AccessToken access, String refresh, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", access.expiresIn());
        if (refresh != null) {
            body.put("refresh_token", refresh);
        }
        if (scope != null) {
            body.put("scope", scope);
        }
        return Response.ok(json(body))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** RFC 6749 §2.3.1: HTTP Basic (form-encoded id and secret) or form fields, never both. */
    private Account authenticateClient(MultivaluedMap<String, String> form) {
        String header = request.getHeader("Authorization");
        Optional<String> formId = single(form, "client_id");
        Optional<String> formSecret = single(form, "client_secret");
        String id;
        String secret;
        if (header != null) {
            if (formSecret.isPresent() || !BasicCredentials.isBasic(header.strip())) {
                throw new OAuthException(
                        "invalid_request", "Authenticate the client one way: HTTP Basic or form fields.");
            }
            BasicCredentials basic = basic(header.strip());
            id = formDecode(basic.username());
            secret = formDecode(basic.password());
        } else {
            id = formId.orElseThrow(() -> new OAuthException("invalid_client", "Client authentication is required."));
            secret = formSecret.orElseThrow(() -> new OAuthException("invalid_client", "client_secret is required."));
        }
        LoginLimiter.Attempt attempt = checkLimits("client:" + id);
        Optional<Account> client = accounts.client(id, secret);
        if (client.isEmpty()) {
            limits.limiter().failed("client:" + id, edge.clientAddress(request));
            throw new OAuthException("invalid_client", "The client id or secret is wrong.");
        }
        limits.limiter().succeeded(attempt);
        return client.get();
    }

    private BasicCredentials basic(String header) {
        try {
            return BasicCredentials.parse(header);
        } catch (MalformedCredentialsException e) {
            limits.limiter().failed(null, edge.clientAddress(request));
            throw new OAuthException("invalid_client", e.getMessage());
        }
    }

    private LoginLimiter.Attempt checkLimits(String user) {
        LoginLimiter.Attempt attempt = limits.limiter().attempt(user, edge.clientAddress(request));
        if (attempt.blocked().isPresent()) {
            long seconds = Math.max(1, attempt.blocked().get().toSeconds() + 1);
            throw new OAuthException("invalid_request", "Too many failed logins: try again later.", 429, seconds);
        }
        return attempt;
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException("invalid_client", "The client credentials are not form-encoded.");
        }
    }

    private static String scope(MultivaluedMap<String, String> form) {
        Optional<String> scope = single(form, "scope");
        if (scope.isPresent() && !SCOPE.matcher(scope.get()).matches()) {
            throw new OAuthException("invalid_scope", "The scope is malformed.");
        }
        return scope.orElse(null);
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        return single(form, name).orElseThrow(() -> new OAuthException("invalid_request", name + " is required."));
    }

    /** A parameter that may appear at most once (RFC 6749 §3.2); empty counts as absent. */
    private static Optional<String> single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new OAuthException("invalid_request", name + " must be sent once.");
        }
        return Optional.of(values.get(0)).filter(value -> !value.isEmpty());
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
