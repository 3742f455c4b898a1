package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiDefaultsTest {

    private final OpenApiDefaults defaults = new OpenApiDefaults();

    @Test
    void registersTheReaderAndTheFilter() {
        assertThat(defaults.getValue("mp.openapi.model.reader")).isEqualTo(PistonModelReader.class.getName());
        assertThat(defaults.getValue("mp.openapi.filter")).isEqualTo(PistonOpenApiFilter.class.getName());
    }

    @Test
    void excludesTheGenericResourceFromScanningEvenBeforeCdiIsThere() {
        assertThat(defaults.getValue("mp.openapi.scan.exclude.classes"))
                .isEqualTo(io.pistonee.resource.internal.PistonResource.class.getName());
        assertThat(defaults.getProperties()).containsKeys("mp.openapi.model.reader", "mp.openapi.filter");
    }

    @Test
    void ranksBelowTheApplicationsOwnSettings() {
        assertThat(defaults.getOrdinal()).isLessThan(100);
        assertThat(defaults.getValue("mp.openapi.servers")).isNull();
    }

    record Line(String product, int quantity) {}

    record Order(String customer, List<Line> lines, Map<String, Line[]> extras) {}

    @Test
    void leavesOutOfTheScanEveryApplicationClassAnInputReaches() {
        Set<Class<?>> found = new LinkedHashSet<>();

        OpenApiDefaults.reach(Order.class, Order.class.getClassLoader(), found);

        assertThat(found).containsExactly(Order.class, Line.class);
    }
}
