package io.pistonee.it.secured;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /api/whoami}: what the container knows of the caller, through what handlers may inject. The
 * roles it asks about are declared: Payara answers {@code false} for a role the application never
 * names, whatever the caller's groups.
 */
@Handler("whoami")
@DeclareRoles({"author", "admin"})
public class WhoAmIHandler implements ListOperation {

    @Inject
    SecurityContext security;

    @Inject
    JsonWebToken token;

    @Override
    public Map<String, Object> list() {
        Principal caller = security.getCallerPrincipal();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", caller == null ? null : caller.getName());
        who.put("author", security.isCallerInRole("author"));
        who.put("admin", security.isCallerInRole("admin"));
        // Payara 7 wraps the caller principal; the token is still among the caller's principals.
        boolean bearer = caller instanceof JsonWebToken
                || !security.getPrincipalsByType(JsonWebToken.class).isEmpty();
        who.put("token_subject", bearer ? token.getSubject() : null);
        who.put("token_groups", bearer ? token.getGroups() : null);
        return who;
    }
}
