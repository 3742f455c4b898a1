package io.pistonee.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class OtherResourcesExtensionTest {

    @Path("/reports/")
    static class Reports {
        @GET
        public String all() {
            return "";
        }

        @POST
        @Path("{year: \\d{4}}/run")
        public String run() {
            return "";
        }

        @DELETE
        @Path("{id}")
        public void delete() {}

        @Path("sub")
        public Object locator() {
            return null;
        }
    }

    private final OtherResourcesExtension others = new OtherResourcesExtension();

    @Test
    void eachPathOffersItsOwnMethodsWithHeadAndOptions() {
        others.add(Reports.class);

        assertThat(others.allow("reports")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(others.allow("/reports/")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(others.allow("reports/2026/run")).containsExactly("OPTIONS", "POST");
        assertThat(others.allow("reports/7")).containsExactly("DELETE", "OPTIONS");
    }

    @Test
    void pathsNoOtherResourceHasOfferNothing() {
        others.add(Reports.class);
        others.add(PistonResource.class);

        assertThat(others.allow("reports/26/run")).isEmpty();
        assertThat(others.allow("reports/7/8")).isEmpty();
        assertThat(others.allow("posts")).isEmpty();
        assertThat(others.allow("reportsx")).isEmpty();
    }

    @Test
    void literalsInTemplatesAreNotRegularExpressions() {
        assertThat(OtherResourcesExtension.pattern("/a.b/{x}").matcher("a.b/1").matches())
                .isTrue();
        assertThat(OtherResourcesExtension.pattern("/a.b/{x}").matcher("axb/1").matches())
                .isFalse();
    }
}
