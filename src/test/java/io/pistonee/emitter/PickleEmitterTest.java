package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PickleEmitterTest {

    private final PickleEmitter emitter = new PickleEmitter();

    @Test
    void python3LoadsPlainValuesEqualToTheJsonOnes() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", 7);
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("ratio", 0.25);
        value.put("ok", true);
        value.put("none", null);
        value.put("title", "Grüße \u2028 \"quoted\"");
        value.put("created_on", OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC));
        value.put("tags", List.of("a", Map.of("b", 1)));
        byte[] pickle = Emissions.bytes(
                emitter, Emissions.of(List.of(value)), emitter.mediaTypes().get(0));

        JsonNode loaded = Emissions.MAPPER.readTree(python(pickle));

        assertThat(pickle[0] & 0xff).isEqualTo(0x80);
        assertThat(pickle[1]).isEqualTo((byte) 2);
        assertThat(loaded).isEqualTo(Emissions.MAPPER.readTree(Emissions.MAPPER.writeValueAsString(List.of(value))));
    }

    @Test
    void picklesOnlyPlainTypes() throws Exception {
        byte[] pickle = Emissions.bytes(
                emitter,
                Emissions.of(Map.of("when", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))),
                emitter.mediaTypes().get(0));

        assertThat(python(pickle)).contains("\"when\": \"2026-01-02T03:04:05Z\"");
        assertThat(new String(pickle, StandardCharsets.ISO_8859_1)).doesNotContain("datetime");
    }

    @Test
    void aStreamIsPickledInBatchesThatPythonLoadsAsOneList() throws Exception {
        int count = PickleEmitter.BATCH * 2 + 1;
        Stream<Map<String, Object>> rows = IntStream.range(0, count).mapToObj(i -> Map.of("n", i, "title", "Row " + i));

        byte[] pickle = Emissions.bytes(
                emitter, Emissions.of(rows), emitter.mediaTypes().get(0));
        JsonNode loaded = Emissions.MAPPER.readTree(python(pickle));

        assertThat(loaded).hasSize(count);
        assertThat(loaded.get(count - 1).get("n").asInt()).isEqualTo(count - 1);
        assertThat(loaded.get(PickleEmitter.BATCH).get("title").asText()).isEqualTo("Row " + PickleEmitter.BATCH);
        assertThat(python(Emissions.bytes(
                        emitter,
                        Emissions.of(Stream.empty()),
                        emitter.mediaTypes().get(0))))
                .isEqualTo("[]\n");
    }

    /** What Python 3 makes of a pickle, as JSON (with the types it loaded checked to be plain). */
    static String python(byte[] pickle) throws IOException, InterruptedException {
        String script = String.join(
                "\n",
                "import json, pickle, sys",
                "value = pickle.loads(sys.stdin.buffer.read())",
                "def plain(v):",
                "    if isinstance(v, dict): return all(type(k) is str and plain(x) for k, x in v.items())",
                "    if isinstance(v, list): return all(plain(x) for x in v)",
                "    return v is None or type(v) in (str, int, float, bool)",
                "assert plain(value), repr(value)",
                "print(json.dumps(value, ensure_ascii=False))");
        Process python = new ProcessBuilder("python3", "-c", script).start();
        python.getOutputStream().write(pickle);
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(err + Arrays.toString(pickle)).isZero();
        return out;
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
