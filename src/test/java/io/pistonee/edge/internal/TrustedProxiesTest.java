package io.pistonee.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies loopback = TrustedProxies.parse("127.0.0.0/8, ::1", 0);

    @Test
    void addressesAndRangesAreTrusted() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32", 0);

        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("2001:db8:0:0:0:0:0:5")).isTrue();
        assertThat(proxies.trusts("2001:db9::5")).isFalse();
        assertThat(loopback.trusts("127.0.0.1")).isTrue();
        assertThat(loopback.trusts("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void namesAreNeverLookedUpAndNeverTrusted() {
        assertThat(TrustedProxies.parse("0.0.0.0/0", 0).trusts("localhost")).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0", 0).trusts("evil.example")).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0", 0).trusts(null)).isFalse();
    }

    @Test
    void aSettingThatIsNoAddressFailsNamingTheKey() {
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "300.1.1.1"}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad, 0))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("piston.proxy.trusted")
                    .hasMessageContaining(bad);
        }
        assertThat(TrustedProxies.parse(" , ", 0).any()).isFalse();
    }

    @Test
    void theClientIsThePeerUnlessThePeerIsTrusted() {
        assertThat(loopback.client("203.0.113.9", List.of("6.6.6.6"))).isEqualTo("203.0.113.9");
        assertThat(loopback.client("127.0.0.1", List.of("6.6.6.6", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void theChainIsReadFromTheRightOverTrustedHops() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8", 0);

        assertThat(proxies.client("127.0.0.1", List.of("6.6.6.6", "203.0.113.7", "10.0.0.2")))
                .isEqualTo("203.0.113.7");
        assertThat(proxies.client("127.0.0.1", List.of("10.0.0.3", "10.0.0.2"))).isEqualTo("10.0.0.3");
        assertThat(proxies.client("127.0.0.1", List.of("[2001:db8::1]:4711"))).isEqualTo("2001:db8::1");
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.7:5000"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalk() {
        assertThat(loopback.client("127.0.0.1", List.of("203.0.113.7", "unknown")))
                .isEqualTo("127.0.0.1");
        assertThat(loopback.client("127.0.0.1", List.of("evil.example"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theDeprecatedHopCountCountsFromTheRightWhateverTheAddresses() {
        TrustedProxies legacy = TrustedProxies.parse("", 2);

        assertThat(legacy.any()).isTrue();
        assertThat(legacy.client("10.0.0.1", List.of("6.6.6.6", "203.0.113.7", "10.0.0.2")))
                .isEqualTo("203.0.113.7");
        assertThat(legacy.client("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
        assertThat(legacy.trusts("10.0.0.1")).isFalse();
    }

    @Test
    void theAddressListWinsOverTheDeprecatedCount() {
        TrustedProxies both = TrustedProxies.parse("127.0.0.1", 3);

        assertThat(both.client("198.51.100.1", List.of("6.6.6.6"))).isEqualTo("198.51.100.1");
    }
}
