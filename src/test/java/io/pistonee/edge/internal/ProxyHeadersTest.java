package io.pistonee.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    private static ProxyHeaders.Origin origin(Map<String, String> headers) {
        return ProxyHeaders.origin(headers::get);
    }

    @Test
    void forwardedNamesProtoAndHost() {
        ProxyHeaders.Origin origin =
                origin(Map.of("Forwarded", "for=192.0.2.60;proto=https;host=api.example.com;by=203.0.113.43"));

        assertThat(origin).isEqualTo(new ProxyHeaders.Origin("https", "api.example.com", -1, null));
    }

    @Test
    void forwardedAllowsQuotedValuesCaseInsensitiveNamesAndSeveralElements() {
        ProxyHeaders.Origin origin = origin(Map.of(
                "Forwarded",
                "For=\"[2001:db8:cafe::17]:4711\";Proto=HTTPS;Host=\"api.example.com:8443\", for=10.0.0.1"));

        assertThat(origin).isEqualTo(new ProxyHeaders.Origin("https", "api.example.com", 8443, null));
        assertThat(ProxyHeaders.chain(Map.of("Forwarded", "for=\"[2001:db8::1]:4711\", for=10.0.0.1")::get))
                .containsExactly("[2001:db8::1]:4711", "10.0.0.1");
    }

    @Test
    void aMalformedForwardedIsIgnoredAsAWhole() {
        for (String malformed : new String[] {
            "proto=https;host",
            "proto=https;;host=a.example",
            "proto=https;proto=http",
            "host=\"unterminated",
            "proto=https, ",
            "host=a b",
            "=https",
            "proto=https\r\nX: y",
            "x".repeat(2000)
        }) {
            assertThat(ProxyHeaders.forwarded(malformed)).as(malformed).isEmpty();
            assertThat(origin(Map.of("Forwarded", malformed, "X-Forwarded-Proto", "https")))
                    .as(malformed)
                    .isEqualTo(new ProxyHeaders.Origin("https", null, -1, null));
        }
    }

    @Test
    void forwardedWinsOverTheXForwardedHeaders() {
        assertThat(origin(Map.of("Forwarded", "proto=http;host=a.example", "X-Forwarded-Host", "b.example")))
                .isEqualTo(new ProxyHeaders.Origin("http", "a.example", -1, null));
    }

    @Test
    void xForwardedHeadersNameProtoHostPortAndPrefix() {
        ProxyHeaders.Origin origin = origin(Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "API.Example.com",
                "X-Forwarded-Port", "8443",
                "X-Forwarded-Prefix", "/blog/"));

        assertThat(origin).isEqualTo(new ProxyHeaders.Origin("https", "api.example.com", 8443, "/blog"));
    }

    @Test
    void aPortInTheHostWinsAndTheFirstOfAListIsTaken() {
        assertThat(origin(Map.of("X-Forwarded-Host", "a.example:8080, b.example", "X-Forwarded-Port", "9090")))
                .isEqualTo(new ProxyHeaders.Origin(null, "a.example", 8080, null));
        assertThat(origin(Map.of("X-Forwarded-Proto", "https, http")))
                .isEqualTo(new ProxyHeaders.Origin("https", null, -1, null));
    }

    @Test
    void badValuesAreIgnoredOneByOne() {
        for (String host : new String[] {
            "api.example.com\r\nSet-Cookie: x",
            "api.example.com/evil",
            "user@api.example.com",
            "a b",
            "-bad.example",
            "api.example.com:0",
            "api.example.com:99999",
            "api.example.com:",
            "[zz::1]",
            "",
            "x".repeat(400)
        }) {
            assertThat(origin(Map.of("X-Forwarded-Host", host, "X-Forwarded-Proto", "https")))
                    .as(host)
                    .isEqualTo(new ProxyHeaders.Origin("https", null, -1, null));
        }
        assertThat(ProxyHeaders.scheme("javascript")).isNull();
        assertThat(ProxyHeaders.port("0")).isEqualTo(-1);
        assertThat(ProxyHeaders.port("65536")).isEqualTo(-1);
        assertThat(ProxyHeaders.port("+80")).isEqualTo(-1);
        assertThat(ProxyHeaders.prefix("blog")).isNull();
        assertThat(ProxyHeaders.prefix("/a/../b")).isNull();
        assertThat(ProxyHeaders.prefix("/a b")).isNull();
        assertThat(ProxyHeaders.prefix("//evil.example")).isNull();
        assertThat(ProxyHeaders.prefix("/")).isEmpty();
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        assertThat(origin(Map.of("X-Forwarded-Host", "[2001:db8::1]:8443")))
                .isEqualTo(new ProxyHeaders.Origin(null, "[2001:db8::1]", 8443, null));
    }

    @Test
    void nothingSaidIsNoOrigin() {
        assertThat(origin(Map.of()).any()).isFalse();
        assertThat(ProxyHeaders.chain(Map.<String, String>of()::get)).isEqualTo(List.of());
    }
}
