package io.pistonee.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pistonee.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class PatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void mergePatchFollowsRfc7396() throws Exception {
        JsonNode target = json("{'a':'b','c':{'d':'e','f':'g'},'keep':[1,2]}");

        JsonNode patched = MergePatch.apply(target, json("{'a':'z','c':{'f':null},'new':{'x':1}}"));

        assertThat(patched).isEqualTo(json("{'a':'z','c':{'d':'e'},'keep':[1,2],'new':{'x':1}}"));
        assertThat(target).isEqualTo(json("{'a':'b','c':{'d':'e','f':'g'},'keep':[1,2]}"));
        assertThat(MergePatch.apply(target, json("['whole']"))).isEqualTo(json("['whole']"));
    }

    @Test
    void jsonPatchAppliesEveryOperationInOrder() throws Exception {
        JsonNode target = json("{'title':'a','tags':['x','y'],'meta':{'n':1}}");

        JsonNode patched = JsonPatch.apply(
                target,
                json("[{'op':'test','path':'/title','value':'a'},"
                        + "{'op':'replace','path':'/title','value':'b'},"
                        + "{'op':'add','path':'/tags/1','value':'new'},"
                        + "{'op':'add','path':'/tags/-','value':'last'},"
                        + "{'op':'remove','path':'/tags/0'},"
                        + "{'op':'copy','from':'/meta/n','path':'/count'},"
                        + "{'op':'move','from':'/meta','path':'/m~1eta'}]"));

        assertThat(patched).isEqualTo(json("{'title':'b','tags':['new','y','last'],'count':1,'m/eta':{'n':1}}"));
    }

    @Test
    void aFailedTestOrAMissingPathIs409AndChangesNothing() throws Exception {
        JsonNode target = json("{'title':'a'}");

        assertThatThrownBy(() -> JsonPatch.apply(target, json("[{'op':'test','path':'/title','value':'z'}]")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(409))
                .hasMessageContaining("operation 0");
        assertThatThrownBy(() -> JsonPatch.apply(target, json("[{'op':'remove','path':'/nothing'}]")))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(target).isEqualTo(json("{'title':'a'}"));
    }

    @Test
    void malformedPatchDocumentsAre400() throws Exception {
        JsonNode target = json("{'title':'a'}");

        for (String patch : new String[] {
            "{'op':'add'}", "[{'op':'frobnicate','path':'/a'}]", "[{'op':'add','path':'title','value':1}]",
            "[{'op':'add','path':'/a'}]", "[3]", "[{'op':'replace','path':'/title','value':1,'x':0},{'path':'/a'}]"
        }) {
            assertThatThrownBy(() -> JsonPatch.apply(target, json(patch)))
                    .as(patch)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }

    @Test
    void theContentTypeChoosesThePatchFormat() throws Exception {
        JsonNode target = json("{'a':1}");

        assertThat(PatchParser.apply(MediaType.valueOf(PatchParser.MERGE_PATCH), target, json("{'a':null}")))
                .isEqualTo(json("{}"));
        assertThat(PatchParser.apply(
                        MediaType.valueOf(PatchParser.JSON_PATCH), target, json("[{'op':'remove','path':'/a'}]")))
                .isEqualTo(json("{}"));
    }
}
