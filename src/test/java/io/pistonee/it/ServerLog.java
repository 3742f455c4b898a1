package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log of the server the current test talks to ({@code it.server.log}): on Payara Micro one log per
 * boot, so per deployment; on WildFly one log for every deployment of every run, read from the last
 * time the given WAR's deployment started.
 */
final class ServerLog {

    private ServerLog() {}

    /** What the server logged since the WAR of this name was last deployed. */
    static String since(String war) {
        String file = System.getProperty("it.server.log");
        assertThat(file)
                .as("it.server.log (set by the build and the Payara container)")
                .isNotNull();
        try {
            String log = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
            int start = log.lastIndexOf("Starting deployment of \"" + war + ".war\"");
            return start < 0 ? log : log.substring(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
