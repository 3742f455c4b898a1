package io.pistonee.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pistonee.config.PistonConfig;
import org.junit.jupiter.api.Test;

class CorsTest {

    private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String HEADERS = "Accept, Authorization, Content-Type";
    private static final String EXPOSED = "ETag, Location, X-Request-Id";

    private static Cors cors(String origins, boolean credentials) {
        return Cors.of(new PistonConfig.Cors(origins, METHODS, HEADERS, EXPOSED, 600, credentials));
    }

    @Test
    void noOriginConfiguredIsOff() {
        Cors off = cors("", false);

        assertThat(off.on()).isFalse();
        assertThat(off.allows("http://localhost:3000")).isFalse();
        assertThat(cors(null, false).on()).isFalse();
    }

    @Test
    void originsMatchExactlyAsBrowsersSerializeThem() {
        Cors cors = cors("HTTP://LocalHost:3000/, https://app.example.com:443", false);

        assertThat(cors.allows("http://localhost:3000")).isTrue();
        assertThat(cors.allows("https://app.example.com")).isTrue();
        assertThat(cors.allows("http://localhost:3001")).isFalse();
        assertThat(cors.allows("https://localhost:3000")).isFalse();
        assertThat(cors.allows("http://localhost")).isFalse();
        assertThat(cors.allows("https://app.example.com.evil.example")).isFalse();
        assertThat(cors.allows("https://evil.example/https://app.example.com")).isFalse();
        assertThat(cors.allows("null")).isFalse();
        assertThat(cors.allows(null)).isFalse();
        assertThat(cors.allows("http://localhost:3000\r\nX: y")).isFalse();
    }

    @Test
    void anyOriginIsAWildcardWithoutCredentials() {
        Cors any = cors("*", false);

        assertThat(any.allows("https://whoever.example")).isTrue();
        assertThat(any.allows("null")).isFalse();
        assertThat(any.actual("https://whoever.example")).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void anyOriginWithCredentialsFailsWithAClearMessage() {
        assertThatThrownBy(() -> cors("*", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("piston.cors.allowed-origins=*")
                .hasMessageContaining("piston.cors.allow-credentials=true");
    }

    @Test
    void anOriginThatIsNoOriginFailsNamingTheKey() {
        for (String bad :
                new String[] {"localhost:3000", "ftp://files.example", "https://app.example.com/path", "null"}) {
            assertThatThrownBy(() -> cors(bad, false))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("piston.cors.allowed-origins")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void aPreflightGetsTheAllowHeadersAndAnActualRequestTheExposedOnes() {
        Cors cors = cors("http://localhost:3000", true);

        assertThat(cors.preflight("http://localhost:3000"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Allow-Methods", METHODS)
                .containsEntry("Access-Control-Allow-Headers", HEADERS)
                .containsEntry("Access-Control-Max-Age", "600");
        assertThat(cors.actual("http://localhost:3000"))
                .containsEntry("Access-Control-Allow-Origin", "http://localhost:3000")
                .containsEntry("Access-Control-Expose-Headers", EXPOSED)
                .doesNotContainKey("Access-Control-Allow-Methods");
    }

    @Test
    void varyNamesOriginOnce() {
        assertThat(EdgeResponse.withOrigin(null)).isEqualTo("Origin");
        assertThat(EdgeResponse.withOrigin("Accept, Authorization")).isEqualTo("Accept, Authorization, Origin");
        assertThat(EdgeResponse.withOrigin("Accept, origin")).isEqualTo("Accept, origin");
    }
}
