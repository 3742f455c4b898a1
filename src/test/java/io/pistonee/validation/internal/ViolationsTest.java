package io.pistonee.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.pistonee.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    record Line(@Min(1) int quantity) {}

    record Order(
            @NotBlank String customerName, @Size(max = 5) String note, List<@Valid Line> orderLines) {}

    record Tagged(List<@NotBlank String> tags) {}

    @Test
    void namesFieldsAsTheClientWroteThemSortedWithMessageAndRejectedValue() {
        Problem problem = Violations.problem(
                validator.validate(new Order(" ", "far too long", List.of(new Line(0)))),
                PropertyNamingStrategies.SNAKE_CASE);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("3 fields are invalid.");
        assertThat(errors(problem))
                .extracting(error -> error.get("field"))
                .containsExactly("customer_name", "note", "order_lines[0].quantity");
        assertThat(errors(problem).get(0)).containsEntry("rejected", " ").containsKey("message");
        assertThat(errors(problem).get(2)).containsEntry("rejected", 0);
    }

    @Test
    void keepsJavaNamesUnderCamelCase() {
        Problem problem = Violations.problem(
                validator.validate(new Order("", null, List.of())), PropertyNamingStrategies.LOWER_CAMEL_CASE);

        assertThat(errors(problem)).extracting(error -> error.get("field")).containsExactly("customerName");
        assertThat(problem.detail()).isEqualTo("1 field is invalid.");
    }

    @Test
    void indexesContainerElements() {
        Problem problem = Violations.problem(
                validator.validate(new Tagged(List.of("ok", ""))), PropertyNamingStrategies.SNAKE_CASE);

        assertThat(errors(problem)).extracting(error -> error.get("field")).containsExactly("tags[1]");
    }

    @Test
    void cutsLongRejectedValues() {
        Problem problem = Violations.problem(
                validator.validate(new Order("x", "y".repeat(500), List.of())), PropertyNamingStrategies.SNAKE_CASE);

        assertThat((String) errors(problem).get(0).get("rejected")).hasSize(103).endsWith("...");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Problem problem) {
        return (List<Map<String, Object>>) problem.extensions().get("errors");
    }
}
