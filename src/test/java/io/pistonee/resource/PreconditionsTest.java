package io.pistonee.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    @Test
    void ifMatchComparesStronglyAndAcceptsAnyTagInTheList() {
        assertThat(Preconditions.matches("\"3\"", "\"3\"")).isTrue();
        assertThat(Preconditions.matches("\"1\", \"3\"", "\"3\"")).isTrue();
        assertThat(Preconditions.matches("*", "\"3\"")).isTrue();
        assertThat(Preconditions.matches("\"2\"", "\"3\"")).isFalse();
        assertThat(Preconditions.matches("W/\"3\"", "\"3\"")).isFalse();
        assertThat(Preconditions.matches("\"3\"", "W/\"3\"")).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(Preconditions.noneMatchFails("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(Preconditions.noneMatchFails("\"x\", W/\"abc\"", "W/\"abc\""))
                .isTrue();
        assertThat(Preconditions.noneMatchFails("*", "\"abc\"")).isTrue();
        assertThat(Preconditions.noneMatchFails("\"x\"", "\"abc\"")).isFalse();
        assertThat(Preconditions.noneMatchFails(null, "\"abc\"")).isFalse();
    }

    @Test
    void tagsMayHoldCommas() {
        assertThat(Preconditions.tags("\"a,b\", W/\"c\"")).containsExactly("\"a,b\"", "W/\"c\"");
    }

    @Test
    void datesAreComparedToTheSecond() {
        Instant modified = Instant.parse("2026-11-01T09:00:00.750Z");
        String date = Preconditions.formatDate(modified);

        assertThat(date).isEqualTo("Sun, 01 Nov 2026 09:00:00 GMT");
        assertThat(Preconditions.modifiedSince(date, modified)).isFalse();
        assertThat(Preconditions.modifiedSince("Sun, 1 Nov 2026 08:59:59 GMT", modified))
                .isTrue();
        assertThat(Preconditions.parseDate("yesterday")).isNull();
    }
}
