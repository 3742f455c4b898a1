package io.pistonee.resource.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnPreferenceTest {

    @Test
    void readsReturnAmongOtherPreferencesInAnyCaseAndQuoted() {
        assertThat(ReturnPreference.of(List.of("return=minimal"))).isEqualTo(ReturnPreference.MINIMAL);
        assertThat(ReturnPreference.of(List.of("respond-async, wait=10; x=\"a,b\", RETURN = \"Minimal\"")))
                .isEqualTo(ReturnPreference.MINIMAL);
        assertThat(ReturnPreference.of(List.of("handling=lenient", "return=representation; foo=bar")))
                .isEqualTo(ReturnPreference.REPRESENTATION);
    }

    @Test
    void onlyTheFirstReturnCounts() {
        assertThat(ReturnPreference.of(List.of("return=representation, return=minimal")))
                .isEqualTo(ReturnPreference.REPRESENTATION);
        assertThat(ReturnPreference.of(List.of("return=nothing, return=minimal")))
                .isEqualTo(ReturnPreference.NONE);
    }

    @Test
    void noHeaderUnknownPreferencesAndEmptyValuesAreNone() {
        assertThat(ReturnPreference.of(null)).isEqualTo(ReturnPreference.NONE);
        assertThat(ReturnPreference.of(List.of())).isEqualTo(ReturnPreference.NONE);
        assertThat(ReturnPreference.of(List.of("respond-async", "return", "return=", "minimal")))
                .isEqualTo(ReturnPreference.NONE);
        assertThat(ReturnPreference.of(List.of("x=\"return=minimal\""))).isEqualTo(ReturnPreference.NONE);
    }

    @Test
    void anAppliedPreferenceIsEchoed() {
        assertThat(ReturnPreference.MINIMAL
                        .applied(Response.noContent())
                        .build()
                        .getHeaderString("Preference-Applied"))
                .isEqualTo("return=minimal");
        assertThat(ReturnPreference.REPRESENTATION
                        .applied(Response.ok())
                        .build()
                        .getHeaderString("Preference-Applied"))
                .isEqualTo("return=representation");
        assertThat(ReturnPreference.NONE.applied(Response.ok()).build().getHeaderString("Preference-Applied"))
                .isNull();
    }
}
