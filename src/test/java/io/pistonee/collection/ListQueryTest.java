package io.pistonee.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.collection.internal.ListingRules;
import io.pistonee.config.PistonConfig;
import io.pistonee.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    private static final ObjectMapper MAPPER = PistonConfig.mapper("snake_case");

    @Entity
    public static class Post {
        @Id
        public Long id;

        public String title;
        public OffsetDateTime createdOn;
        public Object author;
    }

    @Listing(
            filter = {"author: author.username", "title", "created_on"},
            sort = {"created_on", "title", "id"},
            order = "-created_on")
    static class PostHandler {}

    private final ListingRules spec = ListingRules.of(PostHandler.class, Post.class, MAPPER);

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters
                    .computeIfAbsent(pairs[i], key -> new java.util.ArrayList<>())
                    .add(pairs[i + 1]);
        }
        return parameters;
    }

    private static int status(Runnable parse) {
        try {
            parse.run();
            return 200;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void clientNamesMapToAttributePaths() {
        assertThat(spec.filters())
                .isEqualTo(Map.of("author", "author.username", "title", "title", "created_on", "createdOn"));
        assertThat(spec.defaultOrder()).containsExactly(new ListQuery.Order("created_on", "createdOn", true));
    }

    @Test
    void everyLookupIsNamedByItsSuffixAndAnUnknownOneListsThemAll() {
        for (Lookup lookup : Lookup.values()) {
            ListQuery query = ListQuery.parse(query("title__" + lookup.suffix(), "a,b"), spec, 50, 500);
            assertThat(query.filters()).singleElement().satisfies(filter -> {
                assertThat(filter.lookup()).isEqualTo(lookup);
                assertThat(filter.values()).hasSize(lookup.takesMany() ? 2 : 1);
            });
        }
        assertThatThrownBy(() -> ListQuery.parse(query("title__regex", "x"), spec, 50, 500))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("Lookups: exact, contains, icontains, gt, gte, lt, lte, in.");
    }

    @Test
    void parsesPagingFiltersLookupsAndSort() {
        ListQuery query = ListQuery.parse(
                query(
                        "limit",
                        "5",
                        "offset",
                        "10",
                        "author",
                        "testuser",
                        "title__icontains",
                        "java",
                        "created_on__gte",
                        "2026-11-01T00:00:00Z",
                        "sort",
                        "-created_on,title",
                        "total",
                        "true"),
                spec,
                50,
                500);

        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.offset()).isEqualTo(10);
        assertThat(query.isCursor()).isFalse();
        assertThat(query.total()).isTrue();
        assertThat(query.filters())
                .containsExactly(
                        new ListQuery.Filter("author", "author.username", Lookup.EXACT, List.of("testuser")),
                        new ListQuery.Filter("title", "title", Lookup.ICONTAINS, List.of("java")),
                        new ListQuery.Filter("created_on", "createdOn", Lookup.GTE, List.of("2026-11-01T00:00:00Z")));
        assertThat(query.order())
                .containsExactly(
                        new ListQuery.Order("created_on", "createdOn", true),
                        new ListQuery.Order("title", "title", false));
    }

    @Test
    void aFilterInTheDeepObjectStyleIsTheSameFilter() {
        ListQuery deep = ListQuery.parse(
                query("filter[title__icontains]", "java", "filter[author__in]", "testuser,admin", "filter[title]", "a"),
                spec,
                50,
                500);

        assertThat(deep.filters())
                .containsExactlyInAnyOrder(
                        new ListQuery.Filter("title", "title", Lookup.ICONTAINS, List.of("java")),
                        new ListQuery.Filter("author", "author.username", Lookup.IN, List.of("testuser", "admin")),
                        new ListQuery.Filter("title", "title", Lookup.EXACT, List.of("a")));
        assertThat(status(() -> ListQuery.parse(query("filter[content]", "x"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("filter[title][x]", "x"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("filter", "x"), spec, 50, 500)))
                .isEqualTo(400);
    }

    @Test
    void defaultsApplyWithoutParameters() {
        ListQuery query = ListQuery.parse(Map.of(), spec, 50, 500);

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.offset()).isZero();
        assertThat(query.order()).isEqualTo(spec.defaultOrder());
        assertThat(query.filters()).isEmpty();
    }

    @Test
    void inSplitsOnCommas() {
        assertThat(ListQuery.parse(query("title__in", "a,b"), spec, 50, 500)
                        .filters()
                        .get(0)
                        .values())
                .containsExactly("a", "b");
    }

    @Test
    void everythingUnknownOrOutOfRangeIs400() {
        assertThat(status(() -> ListQuery.parse(query("content", "x"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("title__regex", "x"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("sort", "content"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("limit", "501"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("limit", "0"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("offset", "-1"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("offset", "1", "cursor", ""), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("limit", "1", "limit", "2"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("total", "maybe"), spec, 50, 500)))
                .isEqualTo(400);
        assertThat(status(() -> ListQuery.parse(query("format", "json", "fields", "id"), spec, 50, 500)))
                .isEqualTo(200);
    }

    @Test
    void aHandlerWithoutListingFiltersAndSortsNothing() {
        assertThatThrownBy(() -> ListQuery.parse(query("title", "x"), ListingRules.NONE, 50, 500))
                .hasMessageContaining("no filters");
    }

    @Listing(filter = "nope")
    static class BrokenHandler {}

    @Test
    void aListingNamingNoPropertyIsRejectedAtStartUp() {
        assertThatThrownBy(() -> ListingRules.of(BrokenHandler.class, Post.class, MAPPER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BrokenHandler")
                .hasMessageContaining("'nope'");
    }

    @Test
    void likeWildcardsInClientTextAreLiteral() {
        assertThat(Lookup.escape("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    }
}
