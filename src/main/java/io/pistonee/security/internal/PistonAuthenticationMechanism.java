package io.pistonee.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.config.SecurityConfig;
import io.pistonee.edge.internal.Edge;
import io.pistonee.edge.internal.RequestIds;
import io.pistonee.emitter.internal.ProblemMapper;
import io.pistonee.emitter.internal.ProblemWriter;
import io.pistonee.health.internal.FirstAnswer;
import io.pistonee.metrics.internal.Metrics;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import io.pistonee.problem.internal.PersistenceFailures;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Pipeline step "authentication": the application's one Jakarta Security authentication mechanism,
 * which accepts {@code Authorization: Basic} and {@code Authorization: Bearer} side by side.
 *
 * <ul>
 *   <li>No {@code Authorization} header: nothing happens, the caller is anonymous.</li>
 *   <li>{@code Basic}: parsed strictly ({@link BasicCredentials}) and validated through the
 *       application's identity stores ({@link IdentityStores}: {@link AccountIdentityStore} over
 *       {@code Accounts}, a {@code @DatabaseIdentityStoreDefinition}, its own stores).</li>
 *   <li>{@code Bearer}: handed to the server's own MicroProfile JWT mechanism, so the server verifies
 *       the token against the {@code mp.jwt.verify.*} configuration and {@code JsonWebToken}
 *       injection keeps working.</li>
 *   <li>Anything else (another scheme, malformed credentials, a wrong password, a rejected token):
 *       401 with an RFC 9457 problem and both challenges in {@code WWW-Authenticate}, counted by
 *       scheme ({@code io.pistonee.metrics}); too many failed
 *       logins for the user or from the address: 429 with {@code Retry-After}. The problem is written
 *       by the {@link ProblemWriter}, in the format the request asks for ({@code ?format=},
 *       {@code Accept}) like every other problem.</li>
 * </ul>
 *
 * <p>Why one mechanism: with {@code @LoginConfig(authMethod = "MP-JWT")} the server registers its own
 * JWT mechanism, and any second mechanism makes every request fail with an ambiguous dependency.
 * This one is a selected alternative, so it is the one the container uses, and it finds the server's
 * JWT mechanism among the other beans. The token endpoint ({@code /oauth/token},
 * {@code /oauth/revoke}) authenticates its clients itself, so requests to it pass through untouched.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PistonAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PistonAuthenticationMechanism.class.getName());
    private static final String AUTHORIZATION = "Authorization";
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final int MAX_TOKEN = 16384;
    private static final Set<String> ALGORITHMS = Set.of("RS256", "ES256");
    private static final List<String> CLIENT_AUTHENTICATED = List.of("/oauth/token", "/oauth/revoke");

    @Inject
    Edge edge;

    @Inject
    IdentityStores identityStores;

    @Inject
    BeanManager beans;

    @Inject
    SecurityConfig config;

    @Inject
    PistonConfig piston;

    @Inject
    LoginLimits limits;

    @Inject
    RevokedAccessTokens revoked;

    @Inject
    ProblemWriter problems;

    @Inject
    Metrics metrics;

    @Inject
    FirstAnswer firstAnswer;

    private volatile Optional<HttpAuthenticationMechanism> jwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        List<String> headers = Collections.list(request.getHeaders(AUTHORIZATION));
        if (headers.isEmpty() || authenticatesItself(request)) {
            return context.doNothing();
        }
        if (headers.size() > 1) {
            return fail(null, request, response, "Send one Authorization header, not several.", null);
        }
        if (!firstAnswer.answered()) {
            // the accounts' tables may not exist yet: what NotAnsweredFilter answers the API
            return write(request, response, ProblemMapper.withIncident(notAnswered(), RequestIds.current(request)));
        }
        String header = headers.get(0).strip();
        Scheme scheme = Scheme.of(header);
        if (scheme == Scheme.BASIC) {
            return basic(header, request, response, context);
        }
        if (scheme == Scheme.BEARER) {
            return bearer(header, request, response, context);
        }
        return fail(null, request, response, "The Authorization scheme is not accepted: use Basic or Bearer.", null);
    }

    private AuthenticationStatus basic(
            String header, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String address = edge.clientAddress(request);
        BasicCredentials credentials;
        try {
            credentials = BasicCredentials.parse(header);
        } catch (MalformedCredentialsException e) {
            limits.limiter().failed(null, address);
            return fail(Scheme.BASIC, request, response, e.getMessage(), null);
        }
        LoginLimiter.Attempt attempt = limits.limiter().attempt(credentials.username(), address);
        if (attempt.blocked().isPresent()) {
            return throttled(request, response, attempt.blocked().get());
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(
                    new UsernamePasswordCredential(credentials.username(), credentials.password()));
        } catch (RuntimeException e) {
            return unavailable(request, response, e);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            limits.limiter().failed(credentials.username(), address);
            return fail(Scheme.BASIC, request, response, "The user name or password is wrong.", null);
        }
        limits.limiter().succeeded(attempt);
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus bearer(
            String header, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String token = header.substring(Scheme.BEARER.length()).strip();
        if (token.isEmpty()
                || token.length() > MAX_TOKEN
                || !TOKEN68.matcher(token).matches()) {
            return fail(Scheme.BEARER, request, response, "The bearer token is malformed.", "malformed token");
        }
        if (!signedWithAllowedAlgorithm(token)) {
            return fail(
                    Scheme.BEARER,
                    request,
                    response,
                    "The bearer token is not a JWT signed with RS256 or ES256.",
                    "invalid token");
        }
        Optional<HttpAuthenticationMechanism> mechanism = jwtMechanism();
        if (mechanism.isEmpty()) {
            return fail(Scheme.BEARER, request, response, "Bearer tokens are not accepted here.", "not accepted");
        }
        BearerContext bearer = new BearerContext(context, revoked, request, token);
        AuthenticationStatus status;
        try {
            status = mechanism.get().validateRequest(bearer.getRequest(), bearer.getResponse(), bearer);
        } catch (Exception e) {
            status = AuthenticationStatus.SEND_FAILURE;
        }
        if (status == AuthenticationStatus.SUCCESS && bearer.authenticated()) {
            return status;
        }
        return fail(
                Scheme.BEARER,
                request,
                response,
                "The bearer token is invalid, expired or not meant for this server.",
                "invalid token");
    }

    /**
     * An identity store that could not reach its database (the accounts are read on every request):
     * 503 with {@code Retry-After}, as every other request that needs the database, logged once at
     * WARNING with its cause. Any other failure stays the server's error.
     */
    private AuthenticationStatus unavailable(
            HttpServletRequest request, HttpServletResponse response, RuntimeException failure) {
        ProblemException problem = PersistenceFailures.of(failure, false, piston.unavailableRetryAfterSeconds());
        if (problem == null || problem.problem().status() < 500) {
            throw failure;
        }
        LOG.log(Level.WARNING, "The database could not serve a request (answered 503)", failure);
        return write(request, response, ProblemMapper.withIncident(problem, RequestIds.current(request)));
    }

    private ProblemException notAnswered() {
        return Rc.UNAVAILABLE.error(
                "The database is unavailable: retry later.",
                Map.of("Retry-After", String.valueOf(piston.unavailableRetryAfterSeconds())));
    }

    /** Only asymmetric signatures: never {@code none}, never an HMAC keyed with a public key. */
    private boolean signedWithAllowedAlgorithm(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return false;
        }
        try {
            JsonNode header = piston.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            return header != null && ALGORITHMS.contains(header.path("alg").asText());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean authenticatesItself(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return CLIENT_AUTHENTICATED.stream().anyMatch(path::endsWith);
    }

    /** The server's own JWT mechanism: any other mechanism bean, found once. */
    private Optional<HttpAuthenticationMechanism> jwtMechanism() {
        Optional<HttpAuthenticationMechanism> found = jwt;
        if (found == null) {
            found = Optional.empty();
            for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
                if (!PistonAuthenticationMechanism.class.isAssignableFrom(bean.getBeanClass())) {
                    found = Optional.of((HttpAuthenticationMechanism) beans.getReference(
                            bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean)));
                    break;
                }
            }
            jwt = found;
        }
        return found;
    }

    private AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return write(
                request,
                response,
                Rc.THROTTLED.error(
                        "Too many failed logins: try again in " + seconds + " seconds.",
                        Map.of("Retry-After", Long.toString(seconds))));
    }

    /** A 401 with both challenges, counted under the scheme of the credentials ({@code null}: another). */
    private AuthenticationStatus fail(
            Scheme scheme, HttpServletRequest request, HttpServletResponse response, String detail, String tokenError) {
        metrics.authenticationFailed(scheme == null ? "other" : scheme.label());
        String challenges = tokenError == null
                ? Challenges.of(config.realm())
                : Challenges.invalidToken(config.realm(), tokenError);
        return write(request, response, Rc.UNAUTHORIZED.error(detail, Map.of("WWW-Authenticate", challenges)));
    }

    /**
     * Writes the problem in the format the request asks for and commits the response, so nothing later
     * turns it into an error page.
     */
    private AuthenticationStatus write(
            HttpServletRequest request, HttpServletResponse response, ProblemException problem) {
        response.setHeader("Cache-Control", "no-store");
        try {
            problems.write(
                    new ProblemException(problem.problem().at(request.getRequestURI()), problem.headers()),
                    request,
                    response);
        } catch (IOException e) {
            // The client went away; there is no one left to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
