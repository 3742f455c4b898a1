package io.pistonee.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server process a test started: its PID, the file its output goes to, and a stop that returns
 * only once the process is gone, so no later server or test can meet it.
 *
 * <p>The output goes straight to the log file (no pipe): a pipe nobody drains stops the server the
 * moment it fills, and the log stays readable after the test for the failure message.
 */
public final class ServerProcess implements AutoCloseable {

    /** How long a server gets to shut down on SIGTERM before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** Where a Payara or WildFly log record begins: its timestamp, first on a line. */
    private static final Pattern RECORD = Pattern.compile("(?m)^(?=\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d)");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread hook;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.hook = new Thread(this::stopQuietly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command}, its standard output and error appended to {@code log}. */
    public static ServerProcess start(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServerProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /**
     * Waits until the log has a match of {@code pattern} and returns the whole log; fails, saying
     * what it waited for and with the log's last errors, if the process exits first or the time runs
     * out (a process that overran is stopped).
     */
    public String awaitLog(Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String text = logText();
            if (pattern.matcher(text).find()) {
                return text;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited with status " + process.exitValue()
                        + " before its log said /" + pattern + "/" + errors());
            }
            if (Instant.now().isAfter(deadline)) {
                threadDump();
                stop();
                throw new BootTimeout(this + " did not log /" + pattern + "/ within " + timeout
                        + "; stopped it (its threads are" + " dumped at the end of its log)" + errors());
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** A process that did not log what it was waited for in time (it is stopped). */
    public static final class BootTimeout extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BootTimeout(String message) {
            super(message);
        }
    }

    /**
     * Asks the JVM for a thread dump (SIGQUIT), which it writes to its standard output, the log: what
     * a hung boot was waiting for, for whoever reads the log. Best effort.
     */
    private void threadDump() {
        try {
            new ProcessBuilder("kill", "-3", String.valueOf(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            pause(Duration.ofSeconds(2));
        } catch (IOException e) {
            // no dump, the failure is reported anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until a GET of {@code url} answers with a status {@code ready} accepts; fails, saying
     * what it last saw and with the log's last errors, if the process exits first or the time runs
     * out.
     */
    public void awaitHttp(URI url, IntPredicate ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build();
        String seen = "nothing";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited while waiting for GET " + url + errors());
            }
            try {
                int status = CLIENT.send(probe, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (ready.test(status)) {
                    return;
                }
                seen = "status " + status;
            } catch (IOException e) {
                seen = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(
                this + ": GET " + url + " was not ready within " + timeout + "; last: " + seen + errors());
    }

    /**
     * Stops the process (SIGTERM, then SIGKILL after {@value #GRACE}) and returns once it has
     * exited, with the time that took; {@link Duration#ZERO} if it had already.
     */
    public Duration stop() {
        Instant start = Instant.now();
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(GRACE)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                if (!waitFor(Duration.ofSeconds(30))) {
                    throw new IllegalStateException(this + " is still running after SIGKILL");
                }
            }
        }
        removeHook();
        return Duration.between(start, Instant.now());
    }

    /** Kills the process at once (SIGKILL, no shutdown of any kind) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        if (!waitFor(Duration.ofSeconds(30))) {
            throw new IllegalStateException(this + " is still running after SIGKILL");
        }
        removeHook();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The whole log, without terminal colours. */
    public String logText() {
        try {
            return read(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's last lines. */
    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The log's last SEVERE or ERROR records (shortened), introduced by a line, or "" if none. */
    public String errors() {
        return errors(log);
    }

    /** The last SEVERE or ERROR records of any server log, for failure messages. */
    public static String errors(Path log) {
        String text;
        try {
            text = read(log);
        } catch (IOException e) {
            return "\n(its log " + log + " is unreadable: " + e + ")";
        }
        List<String> errors = Arrays.stream(RECORD.split(text))
                .filter(record -> record.contains("SEVERE") || record.contains(" ERROR "))
                .map(ServerProcess::shorten)
                .toList();
        if (errors.isEmpty()) {
            return "\nIts log (" + log + ") has no SEVERE or ERROR record.";
        }
        return errors.subList(Math.max(0, errors.size() - 3), errors.size()).stream()
                .collect(Collectors.joining(
                        "\n", "\nIts log's last SEVERE or ERROR records (all in " + log + "):\n", ""));
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }

    /** A log's text without terminal colours; "" before the server wrote any. */
    private static String read(Path log) throws IOException {
        return Files.exists(log)
                ? ANSI.matcher(Files.readString(log, StandardCharsets.ISO_8859_1))
                        .replaceAll("")
                : "";
    }

    private static String shorten(String record) {
        List<String> lines = record.strip().lines().limit(12).toList();
        String text = String.join("\n", lines);
        return text.length() > 2000 ? text.substring(0, 2000) + " ..." : text;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void stopQuietly() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, and finds the process gone
        }
    }

    /** Sleeps, turning an interruption into an exception (the interrupt flag stays set). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
