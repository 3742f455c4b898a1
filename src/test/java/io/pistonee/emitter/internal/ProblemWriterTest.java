package io.pistonee.emitter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pistonee.edge.internal.Edge;
import io.pistonee.emitter.Emission;
import io.pistonee.emitter.Emissions;
import io.pistonee.emitter.Emitter;
import io.pistonee.emitter.XmlEmitter;
import io.pistonee.problem.Problem;
import io.pistonee.problem.ProblemException;
import io.pistonee.problem.Rc;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

class ProblemWriterTest {

    private static final Problem PROBLEM =
            Rc.UNAUTHORIZED.problem("The user name or password is wrong.").at("/api/posts/1");
    private static final ProblemException REFUSED =
            new ProblemException(PROBLEM, Map.of("WWW-Authenticate", "Basic realm=\"piston\""));

    private final ProblemWriter writer = new ProblemWriter();

    {
        writer.config = Emissions.CONFIG;
        writer.edge = Edge.of(Emissions.CONFIG);
        writer.negotiation = new Negotiation(Emissions.builtIn());
    }

    @Test
    void noFormatAskedWritesTheSameJsonAsTheMapperDoes() throws IOException {
        Emitter selected = writer.select(null, "/api/posts/1", null);

        assertThat(ProblemWriter.problemType(selected)).isEqualTo(ProblemWriter.JSON_PROBLEM);
        assertThat(new String(writer.body(PROBLEM, ProblemWriter.JSON_PROBLEM), StandardCharsets.UTF_8))
                .isEqualTo(Emissions.MAPPER.writeValueAsString(PROBLEM.toMap()));
    }

    @Test
    void formatYamlWritesAYamlProblem() throws IOException {
        MediaType type = ProblemWriter.problemType(writer.select("format=yaml", "/api/posts/1", null));

        assertThat(type).isEqualTo(new MediaType("application", "problem+yaml"));
        Map<String, Object> problem = new Yaml().load(new String(writer.body(PROBLEM, type), StandardCharsets.UTF_8));
        assertThat(problem).containsEntry("status", 401).containsEntry("title", "Unauthorized");
    }

    @Test
    void acceptXmlWritesAnRfc9457XmlProblem() throws Exception {
        MediaType type = ProblemWriter.problemType(writer.select(null, "/api/posts/1", "application/xml"));

        assertThat(type).isEqualTo(new MediaType("application", "problem+xml"));
        Element problem = Emissions.parseXml(writer.body(PROBLEM, type));
        assertThat(problem.getLocalName()).isEqualTo("problem");
        assertThat(problem.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
        assertThat(Emissions.xmlChild(problem, "status").getTextContent()).isEqualTo("401");
    }

    @Test
    void formatsWithoutAProblemTypeWriteJsonProblems() {
        for (String format : List.of("json", "csv", "pickle", "django", "django-xml")) {
            assertThat(ProblemWriter.problemType(writer.select("format=" + format, "/api/posts/1", null)))
                    .as(format)
                    .isEqualTo(ProblemWriter.JSON_PROBLEM);
        }
    }

    @Test
    void anUnknownAmbiguousOrUnacceptableFormatFallsBackToJson() {
        assertThat(writer.select("format=nope", "/api/posts/1", "application/yaml"))
                .isNull();
        assertThat(writer.select("format=json&format=yaml", "/api/posts/1", null))
                .isNull();
        assertThat(writer.select(null, "/api/posts/1", "text/html")).isNull();
        assertThat(ProblemWriter.problemType(null)).isEqualTo(ProblemWriter.JSON_PROBLEM);
    }

    @Test
    void formatWinsOverASuffixWhichWinsOverAccept() {
        assertThat(writer.select("format=YAML", "/api/posts/1.xml", "application/xml")
                        .format())
                .isEqualTo("yaml");
        assertThat(writer.select("callback=x", "/api/posts/1.xml", "application/yaml")
                        .format())
                .isEqualTo("xml");
        assertThat(writer.select(null, "/api/authors/jane.doe", "application/yaml")
                        .format())
                .isEqualTo("yaml");
        assertThat(writer.select("f%6Frmat=y%61ml", "/api/posts/", null).format())
                .isEqualTo("yaml");
    }

    @Test
    void writesStatusHeadersTypeAndBodyToAServletResponse() throws IOException {
        Captured captured = new Captured();

        writer.write(REFUSED, request("GET", "format=yaml"), captured.response());

        assertThat(captured.status).isEqualTo(401);
        assertThat(captured.headers)
                .containsEntry("WWW-Authenticate", "Basic realm=\"piston\"")
                .containsEntry("Vary", "Accept, Authorization")
                .containsEntry("Content-Type", "application/problem+yaml")
                .containsKey("X-Request-Id");
        assertThat(captured.length).isEqualTo(captured.body.size());
        Map<String, Object> problem = new Yaml().load(captured.body.toString(StandardCharsets.UTF_8));
        assertThat(problem).containsEntry("instance", "/api/posts/1");
        assertThat(captured.committed).isTrue();
    }

    @Test
    void answersHeadWithoutABody() throws IOException {
        Captured captured = new Captured();

        writer.write(REFUSED, request("HEAD", null), captured.response());

        assertThat(captured.status).isEqualTo(401);
        assertThat(captured.headers).containsEntry("Content-Type", "application/problem+json");
        assertThat(captured.body.size()).isZero();
    }

    @Test
    void buildsTheJaxRsResponseInTheSelectedFormatsProblemType() {
        Response response = writer.response(REFUSED, "/api/posts/1", new XmlEmitter());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getMediaType()).isEqualTo(new MediaType("application", "problem+xml"));
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"piston\"");
        assertThat(((Emission) response.getEntity()).value()).isEqualTo(PROBLEM.toMap());
    }

    private static HttpServletRequest request(String method, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                ProblemWriterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, call, args) -> switch (call.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> query;
                    case "getHeaders" -> Collections.emptyEnumeration();
                    case "getHeader", "getAttribute" -> null;
                    case "setAttribute" -> null;
                    default -> throw new UnsupportedOperationException(call.getName());
                });
    }

    /** What a problem writer did to a servlet response. */
    private static final class Captured {
        int status;
        int length = -1;
        boolean committed;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    ProblemWriterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, call, args) -> {
                        switch (call.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "setContentLength" -> length = (Integer) args[0];
                            case "flushBuffer" -> committed = true;
                            case "getOutputStream" -> {
                                return output();
                            }
                            default -> throw new UnsupportedOperationException(call.getName());
                        }
                        return null;
                    });
        }

        private ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}
            };
        }
    }
}
