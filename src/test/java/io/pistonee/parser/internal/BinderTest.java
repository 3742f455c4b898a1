package io.pistonee.parser.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinderTest {

    private final ObjectMapper mapper = PistonConfig.mapper("snake_case");

    record Event(String title, int seats, LocalDate startsOn, List<Slot> slots) {}

    record Slot(int hour) {}

    @Test
    void bindsSnakeCaseJsonToARecordIgnoringUnknownProperties() throws Exception {
        Object event = Binder.convert(
                tree("{\"title\":\"x\",\"seats\":3,\"starts_on\":\"2026-12-01\",\"resource_uri\":\"u\"}"),
                mapper.constructType(Event.class),
                mapper);

        assertThat(event).isEqualTo(new Event("x", 3, LocalDate.of(2026, 12, 1), null));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        assertThatThrownBy(
                        () -> Binder.convert(tree("{\"seats\":\"many\"}"), mapper.constructType(Event.class), mapper))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).isEqualTo("Field 'seats' is invalid: expected a number.");
                    assertThat(e.problem().extensions().get("errors"))
                            .isEqualTo(List.of(Map.of("field", "seats", "message", "expected a number")));
                });
    }

    @Test
    void nestedErrorsGiveThePath() {
        assertThatThrownBy(() -> Binder.convert(
                        tree("{\"slots\":[{\"hour\":1},{\"hour\":\"x\"}]}"), mapper.constructType(Event.class), mapper))
                .hasMessage("Field 'slots[1].hour' is invalid: expected a number.");
    }

    @Test
    void anArrayWhereAnObjectIsExpectedIs400() {
        assertThatThrownBy(() -> Binder.convert(tree("[1]"), mapper.constructType(Event.class), mapper))
                .hasMessage("The request body is invalid: expected an object.");
    }

    @Test
    void nullIs400() {
        assertThatThrownBy(() -> Binder.convert(tree("null"), mapper.constructType(Event.class), mapper))
                .hasMessageContaining("is null");
    }

    @Test
    void treeInputTakesTheDataAsItCame() throws Exception {
        JsonNode tree = tree("[1, {\"a\": null}]");

        assertThat(Binder.convert(tree, mapper.constructType(JsonNode.class), mapper))
                .isSameAs(tree);
        assertThat(Binder.convert(tree("{\"a\":1}"), mapper.constructType(Map.class), mapper))
                .isEqualTo(Map.of("a", 1));
    }

    private JsonNode tree(String json) throws Exception {
        return mapper.readTree(json);
    }

    record Item(
            @jakarta.validation.constraints.NotBlank String name,
            @jakarta.validation.constraints.Min(0) int stock) {}

    private Binder binder() {
        Binder binder = new Binder();
        binder.config = PistonConfig.of("snake_case", 1024);
        binder.validator =
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        return binder;
    }

    @Test
    void bulkBindingListsEveryItemsErrorsWithItsIndex() {
        assertThatThrownBy(() -> binder().bindAll(
                                tree("[{\"name\":\"a\",\"stock\":1},{\"name\":\"\",\"stock\":-1},{\"name\":7}]"),
                                mapper.constructType(Item.class)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().detail()).isEqualTo("2 of 3 items are invalid; nothing was created.");
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> errors =
                            (List<Map<String, Object>>) e.problem().extensions().get("errors");
                    assertThat(errors)
                            .extracting(error -> error.get("field"))
                            .containsExactly("[1].name", "[1].stock", "[2].name");
                });
    }

    @Test
    void bulkBindingOfValidItemsKeepsTheirOrderAndAnEmptyArrayIs400() throws Exception {
        assertThat(binder().bindAll(tree("[{\"name\":\"a\"},{\"name\":\"b\"}]"), mapper.constructType(Item.class)))
                .containsExactly(new Item("a", 0), new Item("b", 0));
        assertThatThrownBy(() -> binder().bindAll(tree("[]"), mapper.constructType(Item.class)))
                .hasMessageContaining("empty");
    }

    @Test
    void thePatchBaseHoldsOnlyWhatAClientMayWrite() throws Exception {
        assertThat(binder().writableTree(new Item("a", 2))).isEqualTo(tree("{\"name\":\"a\",\"stock\":2}"));
    }
}
