package io.pistonee.openapi.internal;

import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.Access;
import io.pistonee.handler.internal.HandlerDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How callers authenticate, and who may call each operation. Three schemes, accepted side by side on
 * every operation: HTTP Basic, a bearer JWT, and OAuth 2 (the password and client-credentials flows of
 * the framework's token endpoint, which issues those JWTs), the last only while the authorization
 * server is on. An operation whose {@code Access} needs an
 * authenticated caller, or that a handler's anonymous twin does not provide, requires one of them and
 * can answer 401 and 403; any other operation lists them as optional (authenticated callers may see
 * more fields).
 */
final class SecurityDocs {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String OAUTH = "oauth2";

    private final Optional<String> tokenUrl;
    private final Set<String> roles;

    /**
     * @param tokenUrl the path of the token endpoint ({@code /api/oauth/token}); empty while the
     *     authorization server is off, and then there is no OAuth 2 scheme
     * @param handlers every handler, whose roles the OAuth scheme lists
     */
    SecurityDocs(Optional<String> tokenUrl, Collection<HandlerDescriptor> handlers) {
        this.tokenUrl = tokenUrl;
        this.roles = new TreeSet<>();
        for (HandlerDescriptor handler : handlers) {
            handler.operations().stream()
                    .map(handler::access)
                    .filter(access -> access.roles() != null)
                    .forEach(access -> roles.addAll(access.roles()));
        }
    }

    /** Whether an unauthenticated caller is refused an operation (401). */
    static boolean requiresAuthentication(
            HandlerDescriptor handler, Optional<HandlerDescriptor> anonymous, Operation operation) {
        return handler.access(operation).requiresAuthentication()
                || anonymous.map(twin -> !twin.provides(operation)).orElse(false);
    }

    /** The security requirements of an operation: any scheme; none at all where authentication is optional. */
    List<SecurityRequirement> requirements(boolean required) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (!required) {
            requirements.add(OASFactory.createSecurityRequirement());
        }
        for (String scheme : tokenUrl.isPresent() ? List.of(BASIC, BEARER, OAUTH) : List.of(BASIC, BEARER)) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(scheme));
        }
        return requirements;
    }

    /** What an operation's description says about its roles, or an empty string. */
    static String roles(HandlerDescriptor handler, Operation operation) {
        Access access = handler.access(operation);
        if (access.denyAll()) {
            return " Nobody may call it (`@DenyAll`).";
        }
        return access.roles() == null ? "" : " Roles: " + String.join(", ", new TreeSet<>(access.roles())) + ".";
    }

    /** The schemes: Basic, bearer and, with the token endpoint, OAuth 2. */
    void addTo(Components components) {
        components.addSecurityScheme(
                BASIC,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A user name and password (RFC 7617)."));
        components.addSecurityScheme(
                BEARER,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                                tokenUrl.isPresent()
                                        ? "An access token from the token endpoint (RFC 6750)."
                                        : "A JWT access token (RFC 6750) from the issuer the server trusts."));
        if (tokenUrl.isEmpty()) {
            return;
        }
        components.addSecurityScheme(
                OAUTH,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("The token endpoint (RFC 6749): its JWTs are bearer tokens.")
                        .flows(OASFactory.createOAuthFlows().password(flow()).clientCredentials(flow())));
    }

    /**
     * A flow of the token endpoint. Its scopes are the roles handlers ask for: a token carries the
     * caller's roles whatever scope is asked for (OpenAPI requires the member, and servers leave an
     * empty one out).
     */
    private OAuthFlow flow() {
        Map<String, String> scopes = new TreeMap<>();
        roles.forEach(role -> scopes.put(role, "The role " + role + ": granted to the account, not by asking."));
        return OASFactory.createOAuthFlow().tokenUrl(tokenUrl.orElseThrow()).scopes(scopes);
    }
}
