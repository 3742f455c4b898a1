package io.pistonee.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
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

    @Test
    void anIdTakenBeforeTheEdgeFilterIsTheOneTheRequestKeeps() {
        // The authentication mechanism answers (a 503 while the database is down) before the edge
        // filter runs: its incident and the X-Request-Id the edge then writes must be one id.
        HttpServletRequest sent = request("nginx-id-1");
        assertThat(RequestIds.current(sent)).isEqualTo("nginx-id-1");
        assertThat(RequestIds.assign(sent)).isEqualTo("nginx-id-1");

        HttpServletRequest none = request(null);
        String incident = RequestIds.current(none);
        assertThat(incident).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.assign(none)).isEqualTo(incident);
        assertThat(RequestIds.current(none)).isEqualTo(incident);
    }

    private static HttpServletRequest request(String header) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                RequestIdsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, call, args) -> switch (call.getName()) {
                    case "getHeader" -> RequestIds.HEADER.equals(args[0]) ? header : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(call.getName());
                });
    }
}
