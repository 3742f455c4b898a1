package io.pistonee.security.internal;

import io.pistonee.config.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Says in the server log, once the application has started, when no bearer token can be accepted.
 *
 * <p>Bearer tokens are always on: {@code PistonApplication} declares MP-JWT and the mechanism hands
 * every {@code Bearer} header to the server's verifier. Without a verification key
 * ({@code mp.jwt.verify.publickey} or {@code mp.jwt.verify.publickey.location}) or, on Payara, without
 * {@code mp.jwt.verify.issuer}, the server rejects every token, and a client only ever sees 401; the
 * warning names the keys. {@code mp.jwt.decrypt.key.location} does not count: the mechanism accepts
 * signed tokens only (JWS, three parts), never encrypted ones.
 */
@ApplicationScoped
public class BearerKeys {

    private static final Logger LOG = Logger.getLogger(BearerKeys.class.getName());

    @Inject
    SecurityConfig config;

    private final AtomicBoolean checked = new AtomicBoolean();

    /**
     * Once, when the application has started. (Payara does not deliver the event with a
     * {@code ServletContext} to beans of a library jar, so any payload will do.)
     */
    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (checked.compareAndSet(false, true)) {
            warning(applicationName(), config.verifyKeyConfigured(), config.verifyIssuerConfigured())
                    .ifPresent(LOG::warning);
        }
    }

    /** The warning for the application of this name, if a key is missing. */
    static Optional<String> warning(String name, boolean key, boolean issuer) {
        String application = "Piston EE application " + name + ": ";
        String where = " in META-INF/microprofile-config.properties, a system property or the environment"
                + " (docs/security.md, \"Bearer tokens\"); HTTP Basic is not affected.";
        if (!key) {
            return Optional.of(application
                    + "every bearer token will be rejected with 401: MicroProfile JWT has no key to verify them,"
                    + " neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location (the issuer's public"
                    + " key or JWKS)"
                    + (issuer ? "." : ", and no mp.jwt.verify.issuer (the iss tokens must name).")
                    + " Set them"
                    + where);
        }
        if (!issuer) {
            return Optional.of(application
                    + "mp.jwt.verify.issuer (the iss tokens must name) is not set: Payara rejects every bearer"
                    + " token without it, other servers accept any issuer whose tokens the key verifies."
                    + " Set it"
                    + where);
        }
        return Optional.empty();
    }

    /** The application's name ({@code java:app/AppName}: a WAR's name without {@code .war}). */
    private static String applicationName() {
        try {
            return (String) new InitialContext().lookup("java:app/AppName");
        } catch (NamingException e) {
            return "(unnamed)";
        }
    }
}
