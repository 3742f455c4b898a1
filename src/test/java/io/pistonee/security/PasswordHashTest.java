package io.pistonee.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = PasswordHash.hash("foobar".toCharArray(), 1000);

        assertThat(PasswordHash.verify("foobar".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.verify("foobaR".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void storesSchemeIterationsAndAFreshSalt() {
        String first = PasswordHash.hash("foobar".toCharArray(), 1000);
        String second = PasswordHash.hash("foobar".toCharArray(), 1000);

        assertThat(first).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(second);
        assertThat(first.split("\\$")).hasSize(4);
    }

    @Test
    void keepsTheIterationsOfAStoredHash() {
        String old = PasswordHash.hash("foobar".toCharArray(), 500);

        assertThat(PasswordHash.verify("foobar".toCharArray(), old)).isTrue();
    }

    @Test
    void neverVerifiesAgainstSomethingThatIsNoHash() {
        for (String stored : new String[] {
            null,
            "",
            "foobar",
            "pbkdf2-sha256$x$AAAA$AAAA",
            "pbkdf2-sha256$0$AAAA$AAAA",
            "md5$1$AAAA$AAAA",
            "pbkdf2-sha256$1000$!!$AAAA",
            "pbkdf2-sha256$1000$AAAA$"
        }) {
            assertThat(PasswordHash.verify("foobar".toCharArray(), stored))
                    .as(stored)
                    .isFalse();
        }
    }

    @Test
    void refusesAbsurdIterationCounts() {
        assertThatThrownBy(() -> PasswordHash.hash("x".toCharArray(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
