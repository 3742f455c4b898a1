package io.pistonee.fields.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldSpecTest {

    @Test
    void parsesFlatAndNestedFieldsInOrder() {
        FieldSpec spec = FieldSpec.parse(" id, title ,author( username , first_name ), tags() ");

        assertThat(spec.names()).containsExactly("id", "title", "author", "tags");
        assertThat(spec.fields().get(0).nested()).isNull();
        assertThat(spec.fields().get(2).nested().names()).containsExactly("username", "first_name");
        assertThat(spec.fields().get(3).nested().isDefault()).isTrue();
        assertThat(spec).hasToString("id, title, author(username, first_name), tags()");
    }

    @Test
    void showsAPathOnlyAsFarAsTheSpecGoes() {
        FieldSpec spec = FieldSpec.parse("id, title, author(username), editor");

        assertThat(spec.shows(List.of("title"), Set.of())).isTrue();
        assertThat(spec.shows(List.of("content"), Set.of("content"))).isFalse();
        assertThat(spec.shows(List.of("author", "username"), Set.of())).isTrue();
        assertThat(spec.shows(List.of("author", "email"), Set.of())).isFalse();
        assertThat(spec.shows(List.of("editor", "email"), Set.of()))
                .as("a plain related field shows its default properties")
                .isTrue();
    }

    @Test
    void aDefaultSpecShowsItsDefaultsButNotWhatItExcludesNorWhatLiesBeneath() {
        FieldSpec spec = FieldSpec.of(new String[0], new String[] {"^private_"});
        Set<String> defaults = Set.of("id", "author", "private_note");

        assertThat(spec.shows(List.of("id"), defaults)).isTrue();
        assertThat(spec.shows(List.of("private_note"), defaults)).isFalse();
        assertThat(spec.shows(List.of("password_hash"), defaults)).isFalse();
        assertThat(spec.shows(List.of("author", "username"), defaults))
                .as("a default set emits a related object as its id")
                .isFalse();
    }

    @Test
    void emptySpecMeansEveryProperty() {
        assertThat(FieldSpec.parse("").isDefault()).isTrue();
        assertThat(FieldSpec.of(new String[0], new String[0]).isDefault()).isTrue();
    }

    @Test
    void joinsArrayEntriesAsOneSpec() {
        FieldSpec spec = FieldSpec.of(new String[] {"id, title", "author(username)"}, new String[0]);

        assertThat(spec.names()).containsExactly("id", "title", "author");
    }

    @Test
    void excludesPlainNamesExactlyAndPatternsByFind() {
        FieldSpec spec = FieldSpec.of(new String[0], new String[] {"id", "^private_", "secret$"});

        assertThat(spec.excludes("id")).isTrue();
        assertThat(spec.excludes("paid")).isFalse();
        assertThat(spec.excludes("private_notes")).isTrue();
        assertThat(spec.excludes("not_private_")).isFalse();
        assertThat(spec.excludes("top_secret")).isTrue();
        assertThat(spec.excludes("title")).isFalse();
    }

    @Test
    void rejectsUnbalancedParenthesesWithThePosition() {
        assertThatThrownBy(() -> FieldSpec.parse("id, author(username"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing ')'")
                .hasMessageContaining("position");
        assertThatThrownBy(() -> FieldSpec.parse("id)")).hasMessageContaining("unexpected ')'");
    }

    @Test
    void rejectsMissingNamesAndDuplicates() {
        assertThatThrownBy(() -> FieldSpec.parse("id,,title")).hasMessageContaining("expected a field name");
        assertThatThrownBy(() -> FieldSpec.parse("id,")).hasMessageContaining("missing at the end");
        assertThatThrownBy(() -> FieldSpec.parse("id, id")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> FieldSpec.parse("a b")).hasMessageContaining("unexpected 'b'");
    }

    @Test
    void rejectsHostileNesting() {
        String deep = "a(".repeat(40) + "b" + ")".repeat(40);

        assertThatThrownBy(() -> FieldSpec.parse(deep)).hasMessageContaining("nested deeper than");
    }
}
