package io.pistonee.conditional.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    @Test
    void ifMatchComparesTheStatePartOfStrongTagsOfAnyVariant() {
        assertThat(Preconditions.stateMatches("\"3-AbCd_12-\"", "3")).isTrue();
        assertThat(Preconditions.stateMatches("\"1-AbCd_12-\", \"3-zzzzzzzz\"", "3"))
                .isTrue();
        assertThat(Preconditions.stateMatches("*", "3")).isTrue();
        assertThat(Preconditions.stateMatches("\"2-AbCd_12-\"", "3")).isFalse();
        assertThat(Preconditions.stateMatches("W/\"3-AbCd_12-\"", "3")).isFalse();
        assertThat(Preconditions.stateMatches("\"33-AbCd_12\"", "3")).isFalse();
    }

    @Test
    void theStatePartIsWhatPrecedesTheVariantKey() {
        assertThat(Preconditions.state("\"17-AbCd_12-\"")).isEqualTo("17");
        assertThat(Preconditions.state("\"x-y_z-AbCd_12-\"")).isEqualTo("x-y_z");
        assertThat(Preconditions.state("\"17\"")).isEqualTo("17");
        assertThat(Preconditions.state("\"-AbCd_12-\"")).isEqualTo("-AbCd_12-");
        assertThat(Preconditions.state("\"17-short\"")).isEqualTo("17-short");
    }

    @Test
    void ifNoneMatchOnAWriteComparesStatesWeakly() {
        assertThat(Preconditions.stateNoneMatchFails("W/\"3-AbCd_12-\"", "3")).isTrue();
        assertThat(Preconditions.stateNoneMatchFails("*", "3")).isTrue();
        assertThat(Preconditions.stateNoneMatchFails("\"4-AbCd_12-\"", "3")).isFalse();
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(Preconditions.noneMatchFails("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(Preconditions.noneMatchFails("\"x\", W/\"abc\"", "W/\"abc\""))
                .isTrue();
        assertThat(Preconditions.noneMatchFails("*", "\"abc\"")).isTrue();
        assertThat(Preconditions.noneMatchFails("\"x\"", "\"abc\"")).isFalse();
        assertThat(Preconditions.noneMatchFails("\"3-AbCd_12-\"", "\"3-zzzzzzzz\""))
                .as("another variant of the same state")
                .isFalse();
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
