package io.pistonee.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSafeIdOfTheClientIsKept() {
        assertThat(RequestIds.of("abc-123_X.y")).isEqualTo("abc-123_X.y");
        assertThat(RequestIds.of("a".repeat(128))).isEqualTo("a".repeat(128));
    }

    @Test
    void anUnsafeOrOversizedIdIsReplacedByANewOne() {
        for (String unsafe : new String[] {
            null, "", "a b", "a\r\nSet-Cookie: x=1", "<script>", "ä", "a/b", "a;b", "a".repeat(129), "x".repeat(10_000)
        }) {
            String id = RequestIds.of(unsafe);
            assertThat(id).as(String.valueOf(unsafe)).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void newIdsDiffer() {
        assertThat(RequestIds.of(null)).isNotEqualTo(RequestIds.of(null));
    }
}
