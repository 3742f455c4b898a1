package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PistonOpenApiFilterTest {

    @Test
    void recognisesTheGenericResourceWhereverTheServerPutsIt() {
        assertThat(PistonOpenApiFilter.isGeneric("/api/{resource}")).isTrue();
        assertThat(PistonOpenApiFilter.isGeneric("/api/{resource}/{id}")).isTrue();
        assertThat(PistonOpenApiFilter.isGeneric("/piston-ee/api/{resource}/{id}"))
                .isTrue();
    }

    @Test
    void leavesHandlerPathsAndOtherResourcesAlone() {
        assertThat(PistonOpenApiFilter.isGeneric("/api/posts")).isFalse();
        assertThat(PistonOpenApiFilter.isGeneric("/api/posts/{id}")).isFalse();
        assertThat(PistonOpenApiFilter.isGeneric("/api/oauth/token")).isFalse();
    }
}
