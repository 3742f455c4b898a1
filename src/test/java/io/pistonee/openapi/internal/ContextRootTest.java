package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.junit.jupiter.api.Test;

class ContextRootTest {

    @Test
    void putsTheContextRootInFrontOfAServerPath() {
        assertThat(ContextRoot.withContextRoot("/piston-ee", "/api/oauth/token"))
                .isEqualTo("/piston-ee/api/oauth/token");
        assertThat(ContextRoot.withContextRoot("/piston-ee/", "/api/oauth/token"))
                .isEqualTo("/piston-ee/api/oauth/token");
    }

    @Test
    void leavesTheRootContextAbsoluteUrlsAndCompletedPathsAlone() {
        assertThat(ContextRoot.withContextRoot("", "/api/oauth/token")).isEqualTo("/api/oauth/token");
        assertThat(ContextRoot.withContextRoot("/piston-ee", "http://h:8080/piston-ee/api/oauth/token"))
                .isEqualTo("http://h:8080/piston-ee/api/oauth/token");
        assertThat(ContextRoot.withContextRoot("/piston-ee", "/piston-ee/api/oauth/token"))
                .isEqualTo("/piston-ee/api/oauth/token");
    }

    @Test
    void runsActionsWhicheverArrivesFirstTheActionOrTheContextRoot() {
        ContextRoot early = new ContextRoot();
        OAuthFlow before = flow();
        early.whenLocated(root -> before.setTokenUrl(ContextRoot.withContextRoot(root, before.getTokenUrl())));
        assertThat(before.getTokenUrl()).isEqualTo("/api/oauth/token");
        early.located("/piston-ee");
        assertThat(before.getTokenUrl()).isEqualTo("/piston-ee/api/oauth/token");

        OAuthFlow after = flow();
        early.whenLocated(root -> after.setTokenUrl(ContextRoot.withContextRoot(root, after.getTokenUrl())));
        assertThat(after.getTokenUrl()).isEqualTo("/piston-ee/api/oauth/token");
    }

    /** A flow with only its token URL: the model's implementation is the server's. */
    private static OAuthFlow flow() {
        String[] tokenUrl = {"/api/oauth/token"};
        return (OAuthFlow) Proxy.newProxyInstance(
                OAuthFlow.class.getClassLoader(), new Class<?>[] {OAuthFlow.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getTokenUrl":
                            return tokenUrl[0];
                        case "setTokenUrl":
                            tokenUrl[0] = (String) args[0];
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
