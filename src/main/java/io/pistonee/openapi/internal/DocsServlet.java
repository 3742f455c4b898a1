package io.pistonee.openapi.internal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Swagger UI for people, at {@code /docs}: a page that loads Swagger UI from the {@code swagger-ui}
 * webjar in the WAR (served by the container from the jar's {@code META-INF/resources}; no CDN) and
 * points it at the server's {@code /openapi}. "Authorize" offers the document's schemes: Basic,
 * bearer tokens and the OAuth token endpoint. The webjar's version is read from the jar itself.
 */
@WebServlet(urlPatterns = {"/docs", "/docs/"})
public class DocsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** MicroProfile OpenAPI serves the document at the server's root; JSON on request. */
    static final String DOCUMENT = "/openapi?format=JSON";

    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>API documentation</title>
            <link rel="stylesheet" href="{ui}/swagger-ui.css">
            <link rel="icon" type="image/png" href="{ui}/favicon-32x32.png">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="{ui}/swagger-ui-bundle.js"></script>
            <script src="{ui}/swagger-ui-standalone-preset.js"></script>
            <script>
            window.ui = SwaggerUIBundle({
              url: "{document}",
              dom_id: "#swagger-ui",
              deepLinking: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout",
              oauth2RedirectUrl: window.location.origin + "{ui}/oauth2-redirect.html"
            });
            </script>
            </body>
            </html>
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String version = version();
        if (version == null) {
            response.sendError(
                    HttpServletResponse.SC_NOT_FOUND, "Swagger UI (org.webjars:swagger-ui) is not in the WAR");
            return;
        }
        String ui = request.getContextPath() + "/webjars/swagger-ui/" + version;
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(PAGE.replace("{ui}", ui).replace("{document}", DOCUMENT));
    }

    /** The webjar's version, from its own Maven metadata, or {@code null} when it is missing. */
    static String version() {
        try (InputStream in = DocsServlet.class.getResourceAsStream(POM)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
