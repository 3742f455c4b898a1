package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The build's PostgreSQL cluster, for the ITs of the failsafe executions {@code *-postgresql}:
 * {@code src/test/scripts/postgresql.sh} run as the build runs it.
 */
final class BuildPostgreSql {

    private BuildPostgreSql() {}

    /**
     * Runs {@code postgresql.sh <command>} on the build's cluster ({@code stop}, {@code start}, or
     * {@code empty} for this server's database, {@code it.postgresql.database}); its output goes to
     * {@code log} beside the cluster's own log.
     */
    static void run(String command, String log) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("it.postgresql.dir"));
        Path output = dir.resolve(log);
        Process script = new ProcessBuilder(
                        "bash",
                        System.getProperty("it.postgresql.script"),
                        command,
                        dir.toString(),
                        System.getProperty("it.postgresql.port"),
                        System.getProperty("it.postgresql.database", ""))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        assertThat(script.waitFor(120, TimeUnit.SECONDS))
                .as("postgresql.sh " + command + " ended (its output: " + output + ")")
                .isTrue();
        assertThat(script.exitValue())
                .as("postgresql.sh " + command + " (its output: " + output + ")")
                .isZero();
    }
}
