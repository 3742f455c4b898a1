package io.pistonee.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerKeysTest {

    @Test
    void saysNothingWhenKeyAndIssuerAreSet() {
        assertThat(BearerKeys.warning("shop", true, true)).isEmpty();
    }

    @Test
    void withoutAKeyNamesBothKeyPropertiesAndTheIssuerWhenItIsMissingToo() {
        assertThat(BearerKeys.warning("shop", false, false))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("Piston EE application shop: every bearer token will be rejected with 401")
                        .contains("mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location")
                        .contains("and no mp.jwt.verify.issuer"));
        assertThat(BearerKeys.warning("shop", false, true))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("Piston EE application shop: every bearer token")
                        .doesNotContain("mp.jwt.verify.issuer"));
    }

    @Test
    void withAKeyButNoIssuerSaysWhatEachServerDoes() {
        assertThat(BearerKeys.warning("shop", true, false))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("Piston EE application shop: mp.jwt.verify.issuer")
                        .contains("Payara rejects every bearer token without it")
                        .doesNotContain("publickey"));
    }
}
