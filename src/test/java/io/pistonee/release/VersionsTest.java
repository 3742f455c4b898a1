package io.pistonee.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a team copies names the version this build makes: the starter project's pom, and the
 * dependency snippets of the README and of docs/your-own-war.md. A release that bumps the version
 * and forgets one of them fails here, not in a user's build.
 */
class VersionsTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Pattern DEPENDENCY =
            Pattern.compile("<artifactId>piston-ee</artifactId>\\s*<version>([^<]+)</version>", Pattern.MULTILINE);

    private static String version() {
        String version = System.getProperty("piston.version");
        assertThat(version).as("the surefire property piston.version").isNotBlank();
        return version;
    }

    @Test
    void theStarterDependsOnThisVersion() throws IOException {
        String pom = Files.readString(BASE.resolve("src/it/starter/pom.xml"));

        assertThat(pom).contains("<piston-ee.version>" + version() + "</piston-ee.version>");
    }

    @Test
    void theDocsNameThisVersion() throws IOException {
        for (String doc : List.of("README.md", "docs/your-own-war.md")) {
            Matcher matcher = DEPENDENCY.matcher(Files.readString(BASE.resolve(doc)));
            assertThat(matcher.find()).as(doc + " shows the dependency").isTrue();
            do {
                assertThat(matcher.group(1)).as(doc).isEqualTo(version());
            } while (matcher.find());
        }
    }

    @Test
    void theChangelogHasThisVersion() throws IOException {
        String changelog = Files.readString(BASE.resolve("CHANGELOG.md"));

        assertThat(changelog).containsPattern("(?m)^## \\[" + Pattern.quote(version()) + "\\] - \\d{4}-\\d{2}-\\d{2}$");
    }
}
