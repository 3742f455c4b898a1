package io.pistonee.emitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.pistonee.emitter.internal.Negotiation;
import io.pistonee.problem.Problem;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlEmitterTest {

    record Thing(int id, String name, LocalDate addedOn) {}

    private final YamlEmitter emitter = new YamlEmitter();

    {
        emitter.config = Emissions.CONFIG;
    }

    @Test
    void writesACollectionAsAYamlSequenceARealParserReads() {
        Iterator<Thing> lazy = List.of(new Thing(1, "anvil", LocalDate.of(2026, 1, 15)), new Thing(2, "a: b", null))
                .iterator();

        List<Map<String, Object>> parsed = parse(Emissions.text(emitter, Emissions.of(lazy)));

        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0))
                .containsExactly(entry("id", 1), entry("name", "anvil"), entry("added_on", "2026-01-15"));
        assertThat(parsed.get(1)).containsEntry("name", "a: b").containsEntry("added_on", null);
    }

    @Test
    void writesProblemsAsYamlWithTheirOwnType() {
        Map<String, Object> problem =
                Problem.of(404, "No such thing.").at("/api/things/9").toMap();

        Map<String, Object> parsed = parse(Emissions.text(emitter, Emissions.of(problem)));

        assertThat(emitter.problemType().toString()).isEqualTo("application/problem+yaml");
        assertThat(parsed).isEqualTo(problem);
    }

    @Test
    void isSelectedByEveryYamlTypeInAccept() {
        Negotiation negotiation = new Negotiation(List.of(emitter));

        for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml")) {
            assertThat(negotiation.select(null, type)).containsSame(emitter);
        }
    }

    private static <T> T parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @Test
    void aStreamIsNotFlushedItemByItem() {
        assertThat(Emissions.flushesOfAThousandItems(emitter))
                .as("flushes at the end only")
                .isLessThan(10);
    }
}
