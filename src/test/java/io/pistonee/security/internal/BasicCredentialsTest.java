package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    @Test
    void readsUserAndPasswordSplittingAtTheFirstColon() {
        BasicCredentials credentials = BasicCredentials.parse(basic("testuser:foo:bar"));

        assertThat(credentials.username()).isEqualTo("testuser");
        assertThat(credentials.password()).isEqualTo("foo:bar");
    }

    @Test
    void readsUtf8AndAnyCaseOfTheScheme() {
        BasicCredentials credentials = BasicCredentials.parse(
                "bAsIc " + Base64.getEncoder().encodeToString("jürgen:pässwörd".getBytes(StandardCharsets.UTF_8)));

        assertThat(credentials.username()).isEqualTo("jürgen");
        assertThat(credentials.password()).isEqualTo("pässwörd");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(BasicCredentials.parse(basic("testuser:foobar")).toString()).doesNotContain("foobar");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic",
                "Basic    ",
                "Basic !!!",
                "Basic dGVzdHVzZXI6Zm9vYmFy=",
                "Basic dGVzdHVzZXI6Zm9vYmF",
                "Basic dGVzdHVzZXI6 Zm9vYmFy",
                "Basic dGVzdHVzZXJmb29iYXI=",
                "Basic dGVzdHVzZXI6",
                "Basic OmZvb2Jhcg==",
                "Basic wyg6eA==",
                "Basic dGVzdAF1c2VyOmZvb2Jhcg=="
            })
    void rejectsMalformedCredentials(String header) {
        assertThatThrownBy(() -> BasicCredentials.parse(header)).isInstanceOf(MalformedCredentialsException.class);
    }

    @Test
    void rejectsOversizedCredentials() {
        assertThatThrownBy(() -> BasicCredentials.parse(basic("u:" + "x".repeat(BasicCredentials.MAX_TOKEN))))
                .isInstanceOf(MalformedCredentialsException.class)
                .hasMessageContaining("too long");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
