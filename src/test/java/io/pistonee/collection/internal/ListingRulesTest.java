package io.pistonee.collection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.collection.ListQuery;
import io.pistonee.collection.Listing;
import io.pistonee.config.PistonConfig;
import io.pistonee.fields.internal.FieldSpec;
import io.pistonee.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ListingRulesTest {

    private static final ObjectMapper MAPPER = PistonConfig.mapper("snake_case");

    public static class Writer {
        public String username;
        public String email;
    }

    public static class Post {
        public Long id;
        public String title;
        public OffsetDateTime createdOn;
        public Writer author;

        @JsonIgnore
        public String secret;
    }

    @Listing(
            filter = {"author: author.username", "writer: author.username", "title", "created_on", "secret: secret"},
            sort = {"created_on", "title", "id"},
            order = "-created_on")
    static class PostHandler {}

    private final ListingRules rules = ListingRules.of(PostHandler.class, Post.class, MAPPER);

    private static Predicate<List<String>> shownBy(String fields) {
        return path -> FieldSpec.parse(fields).shows(path, Set.of());
    }

    @Test
    void aCallerWhoseFieldsHideTheAuthorCannotFilterByIt() {
        ListingRules anonymous = rules.shownBy(shownBy("id, title, created_on"), Post.class, MAPPER);

        assertThat(anonymous.filters()).containsOnlyKeys("title", "created_on");
        assertThat(anonymous.sorts()).containsOnlyKeys("created_on", "title", "id");
        assertThat(anonymous.defaultOrder()).isEqualTo(rules.defaultOrder());
        assertThatThrownBy(() -> ListQuery.parse(Map.of("author", List.of("testuser")), anonymous, 50, 500))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("'author' cannot be filtered by")
                .hasMessageContaining("Filters: title, created_on.");
    }

    @Test
    void aSortOnAFieldTheCallerCannotSeeIsRefused() {
        ListingRules narrow = rules.shownBy(shownBy("id, title"), Post.class, MAPPER);

        assertThat(narrow.sorts()).containsOnlyKeys("title", "id");
        assertThatThrownBy(() -> narrow.order("-created_on"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("'created_on' cannot be sorted by");
    }

    @Test
    void anEntryIsJudgedByTheAttributePathItReadsNotByItsName() {
        ListingRules usernames = rules.shownBy(shownBy("id, author(username)"), Post.class, MAPPER);
        ListingRules emails = rules.shownBy(shownBy("id, author(email)"), Post.class, MAPPER);

        assertThat(usernames.filters()).containsOnlyKeys("author", "writer");
        assertThat(emails.filters()).isEmpty();
    }

    @Test
    void aPathThroughWhatTheMapperHidesIsNeverShown() {
        assertThat(ListingRules.representation("author.username", Post.class, MAPPER))
                .containsExactly("author", "username");
        assertThat(ListingRules.representation("createdOn", Post.class, MAPPER)).containsExactly("created_on");
        assertThat(ListingRules.representation("secret", Post.class, MAPPER)).isNull();
        assertThat(rules.hiddenFrom(path -> true, Post.class, MAPPER)).containsExactly("secret");
    }

    @Test
    void hiddenNamesEveryEntryTheFieldsDoNotShow() {
        assertThat(rules.hiddenFrom(shownBy("id, title, author(username)"), Post.class, MAPPER))
                .containsExactly("created_on", "secret");
    }
}
