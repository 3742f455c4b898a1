package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.cluster.internal.MemorySharedMaps;
import io.pistonee.testing.ManualClock;
import jakarta.json.JsonString;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class RevokedAccessTokensTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final ManualClock clock = new ManualClock();
    private final MemorySharedMaps shared = new MemorySharedMaps(clock);
    private final RevokedAccessTokens revoked = store();

    @Test
    void aRevokedIdRejectsThatTokenOnly() {
        revoked.revoke("a1", clock.instant().plus(TTL));

        assertThat(revoked.isRevoked("a1", null)).isTrue();
        assertThat(revoked.isRevoked("a1", "family")).isTrue();
        assertThat(revoked.isRevoked("a2", null)).isFalse();
        assertThat(revoked.isRevoked(null, null)).isFalse();
    }

    @Test
    void aRevokedFamilyRejectsEveryTokenCarryingItAndNoOther() {
        revoked.revokeFamily("f1");

        assertThat(revoked.isRevoked("a1", "f1")).isTrue();
        assertThat(revoked.isRevoked("a2", "f1")).isTrue();
        assertThat(revoked.isRevoked("a3", "f2")).isFalse();
        assertThat(revoked.isRevoked("a4", null)).as("a token of no family").isFalse();
    }

    @Test
    void aRevocationIsKeptUntilTheLastTokenItConcernsHasExpiredAndNoLonger() {
        revoked.revokeFamily("f1"); // its newest token was issued at the latest now
        revoked.revoke("a1", clock.instant().plus(TTL));
        revoked.revoke("expired-long-ago", clock.instant().minus(Duration.ofMinutes(2)));

        clock.advance(TTL.plusSeconds(59));
        assertThat(revoked.isRevoked(null, "f1")).as("within the clock skew").isTrue();
        assertThat(revoked.isRevoked("a1", null)).isTrue();
        assertThat(revoked.isRevoked("expired-long-ago", null))
                .as("never stored")
                .isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(revoked.isRevoked(null, "f1")).isFalse();
        assertThat(revoked.isRevoked("a1", null)).isFalse();
    }

    @Test
    void anotherInstanceSharingTheMapsRejectsWhatThisOneRevoked() {
        RevokedAccessTokens other = store();

        revoked.revokeFamily("f1");
        revoked.revoke("a9", clock.instant().plus(TTL));

        assertThat(other.isRevoked("a1", "f1")).isTrue();
        assertThat(other.isRevoked("a9", null)).isTrue();
    }

    @Test
    void readsTheFamilyOfAVerifiedTokenAsAStringOrAJsonString() {
        revoked.revokeFamily("f1");

        assertThat(revoked.isRevoked(token(Map.of("jti", "a1", "sid", "f1")))).isTrue();
        assertThat(revoked.isRevoked(token(Map.of("jti", "a1", "sid", jsonString("f1")))))
                .isTrue();
        assertThat(revoked.isRevoked(token(Map.of("jti", "a1", "sid", "f2")))).isFalse();
        assertThat(revoked.isRevoked(token(Map.of("jti", "a1")))).isFalse();
    }

    @Test
    void whileTheAuthorizationServerIsOffNothingIsLookedUpAndNothingRevoked() {
        RevokedAccessTokens off = new RevokedAccessTokens(); // init() opens nothing while off

        JsonWebToken untouchable = (JsonWebToken) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> {
                    throw new AssertionError("read " + method.getName() + " while OAuth is off");
                });
        assertThat(off.isRevoked(untouchable)).isFalse();
        assertThat(off.isRevoked("a1", "f1")).isFalse();
        assertThatThrownBy(() -> off.revokeFamily("f1")).isInstanceOf(IllegalStateException.class);
    }

    private RevokedAccessTokens store() {
        RevokedAccessTokens store = new RevokedAccessTokens();
        store.open(shared, TTL, clock);
        return store;
    }

    /** A verified token with these claims, as the server's JWT support hands it over. */
    private static JsonWebToken token(Map<String, Object> claims) {
        return (JsonWebToken) Proxy.newProxyInstance(
                RevokedAccessTokensTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTokenID" -> claims.get("jti");
                    case "getClaim" -> claims.get(args[0].toString());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JsonString jsonString(String value) {
        return (JsonString) Proxy.newProxyInstance(
                RevokedAccessTokensTest.class.getClassLoader(),
                new Class<?>[] {JsonString.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getString" -> value;
                    case "getValueType" -> jakarta.json.JsonValue.ValueType.STRING;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
