package io.pistonee.parser;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.ParseFailures;
import io.pistonee.problem.Rc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads YAML bodies ({@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}),
 * safely: the document is read as plain data and nothing is ever constructed from it.
 *
 * <p>Rejected with 400: explicit tags ({@code !!python/object}, {@code !!java...}, even
 * {@code !!str}), anchors and aliases (so no "billion laughs" expansion can happen), more than one
 * document, duplicate keys, nesting deeper than {@code piston.max-depth} and malformed YAML (with the
 * line and column). A body over {@code piston.max-body-bytes} answers 413.
 */
@Provider
@ApplicationScoped
@Priority(200)
@Consumes({"application/yaml", "application/x-yaml", "text/yaml"})
public class YamlParser extends BodyParser {

    private static final List<MediaType> TYPES = List.of(
            new MediaType("application", "yaml"),
            new MediaType("application", "x-yaml"),
            new MediaType("text", "yaml"));

    @Override
    public List<MediaType> mediaTypes() {
        return TYPES;
    }

    @Override
    protected JsonNode parse(InputStream body, MediaType type, PistonConfig config) throws IOException {
        try (YAMLParser yaml = config.yaml().createParser(body)) {
            yaml.setCodec(config.mapper());
            TokenBuffer plain = new TokenBuffer(yaml);
            int depth = 0;
            int documents = 0;
            for (JsonToken token = yaml.nextToken(); token != null; token = yaml.nextToken()) {
                refuseConstructs(yaml);
                if (depth == 0 && ++documents > 1) {
                    throw Rc.BAD_REQUEST.error("Malformed YAML" + ParseFailures.where(yaml.currentLocation())
                            + ": only one document is accepted.");
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth > config.maxDepth()) {
                    throw Rc.BAD_REQUEST.error("The YAML document nests deeper than " + config.maxDepth() + " levels.");
                }
                plain.copyCurrentEvent(yaml);
            }
            return documents == 0 ? null : config.mapper().readTree(plain.asParser(config.mapper()));
        }
    }

    /** Tags, anchors and aliases are how YAML constructs objects and expands bombs: none of them here. */
    private static void refuseConstructs(YAMLParser yaml) throws IOException {
        String at = ParseFailures.where(yaml.currentLocation());
        if (yaml.isCurrentAlias()) {
            throw Rc.BAD_REQUEST.error("YAML aliases are not accepted" + at + ".");
        }
        if (yaml.getObjectId() != null) {
            throw Rc.BAD_REQUEST.error("YAML anchors are not accepted" + at + ".");
        }
        if (yaml.getTypeId() != null) {
            throw Rc.BAD_REQUEST.error("YAML tags are not accepted" + at + ".");
        }
    }
}
