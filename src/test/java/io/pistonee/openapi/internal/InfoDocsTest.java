package io.pistonee.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.openapi.internal.declared.Declared;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.junit.jupiter.api.Test;

class InfoDocsTest {

    private static final InfoDocs.Configured NOTHING =
            new InfoDocs.Configured(Optional.empty(), Optional.empty(), Optional.empty());
    private static final InfoDocs.Configured CONFIGURED = new InfoDocs.Configured(
            Optional.of("Configured"), Optional.of("2.0"), Optional.of("From the configuration."));

    @OpenAPIDefinition(info = @Info(title = "Blog", version = "3.1", description = "The blog's API."))
    static class BlogApi {}

    @OpenAPIDefinition(info = @Info(title = "Terse", version = "1"))
    static class TerseApi {}

    static class Plain {}

    @Test
    void theApplicationsDefinitionWinsOverTheConfiguration() {
        var info = new InfoDocs(InfoDocs.declared(List.of(Plain.class, BlogApi.class)), CONFIGURED);

        assertThat(info.title()).isEqualTo("Blog");
        assertThat(info.version()).isEqualTo("3.1");
        assertThat(info.description()).contains("The blog's API.");
    }

    @Test
    void whatTheDefinitionLeavesEmptyComesFromTheConfiguration() {
        var info = new InfoDocs(InfoDocs.declared(List.of(TerseApi.class)), CONFIGURED);

        assertThat(info.title()).isEqualTo("Terse");
        assertThat(info.version()).isEqualTo("1");
        assertThat(info.description()).contains("From the configuration.");
    }

    @Test
    void theConfigurationWinsOverTheDefaults() {
        InfoDocs docs = new InfoDocs(InfoDocs.declared(List.of(Plain.class)), CONFIGURED);

        assertThat(docs.title()).isEqualTo("Configured");
        assertThat(docs.version()).isEqualTo("2.0");
        assertThat(docs.untitled()).isFalse();
    }

    @Test
    void withNeitherTheContextRootNamesTheApiItsVersionIsOneAndThereIsNoDescription() {
        InfoDocs docs = new InfoDocs(Optional.empty(), NOTHING);

        assertThat(docs.untitled()).isTrue();
        assertThat(docs.title()).isEqualTo("API");
        assertThat(docs.version()).isEqualTo("1.0.0");
        assertThat(docs.description()).isEmpty();
        assertThat(InfoDocs.named(docs.title(), "/piston-ee")).isEqualTo("piston-ee");
    }

    @Test
    void theDefaultTitleIsTheContextRootsNameOrApiAtTheServersRoot() {
        assertThat(InfoDocs.title("/rest")).isEqualTo("rest");
        assertThat(InfoDocs.title("/rest/")).isEqualTo("rest");
        assertThat(InfoDocs.title("")).isEqualTo("API");
        assertThat(InfoDocs.title("/")).isEqualTo("API");
    }

    @Test
    void aTitleSomethingElseGaveIsNotReplacedByTheContextRoot() {
        assertThat(InfoDocs.named("Merged by the server", "/piston-ee")).isEqualTo("Merged by the server");
    }

    @Test
    void aDefinitionOnTheBeanClassesPackageCounts() {
        assertThat(InfoDocs.declared(List.of(Declared.class)))
                .map(definition -> definition.info().title())
                .contains("Declared on the package");
    }

    @Test
    void ofSeveralDefinitionsTheFirstByNameWins() {
        assertThat(InfoDocs.declared(List.of(TerseApi.class, BlogApi.class)))
                .map(definition -> definition.info().title())
                .contains("Blog");
        assertThat(InfoDocs.declared(List.of(Plain.class))).isEmpty();
    }
}
