package io.pistonee.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of the server the tests talk to (the system property {@code it.server.log}: Payara Micro's
 * per boot, WildFly's {@code server.log} for the whole run), read as records from a mark on, so a
 * test sees only what its own requests made the server log.
 */
final class ServerLog {

    /** JUL's levels, which Payara writes as {@code [levelValue: 900]}. */
    static final int WARNING = 900;

    static final int SEVERE = 1000;

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** A record starts with its time: {@code [2026-12-02T14:45:01.090+0000]} (Payara), {@code 2026-12-02 14:45:01,090} (WildFly). */
    private static final Pattern RECORD = Pattern.compile("(?m)^(?=\\[?\\d{4}-\\d\\d-\\d\\d[T ]\\d)");

    private static final Pattern PAYARA_LEVEL = Pattern.compile("\\[levelValue: (\\d+)]");
    private static final Pattern WILDFLY_LEVEL = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\S+ (\\w+) ");
    private static final Map<String, Integer> WILDFLY_LEVELS = Map.of(
            "TRACE", 400, "DEBUG", 500, "INFO", 800, "WARN", WARNING, "WARNING", WARNING, "ERROR", SEVERE, "SEVERE",
            SEVERE, "FATAL", 1100);
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(");

    private final Path file;

    private ServerLog(Path file) {
        this.file = file;
    }

    /**
     * What the server logged since the WAR of this name was last deployed: on Payara Micro one log
     * per boot, so per deployment; on WildFly one log for every deployment of the run.
     */
    static String sinceDeploymentOf(String war) {
        String file = System.getProperty("it.server.log");
        if (file == null) {
            throw new AssertionError("it.server.log is not set (the build and the Payara container set it)");
        }
        try {
            String log = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
            int start = log.lastIndexOf("Starting deployment of \"" + war + ".war\"");
            return start < 0 ? log : log.substring(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log of the server the tests talk to now. */
    static ServerLog ofServer() {
        String log = System.getProperty("it.server.log");
        if (log == null) {
            throw new IllegalStateException("it.server.log is not set: run the ITs through Maven (failsafe)");
        }
        return new ServerLog(Path.of(log));
    }

    /** Where the log ends now: what {@link #since} reads from. */
    long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records written after a mark. */
    List<Record> since(long mark) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, in.length() - mark)];
            in.seek(mark);
            in.readFully(bytes);
            String text =
                    ANSI.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).replaceAll("");
            return Arrays.stream(RECORD.split(text))
                    .filter(record -> !record.isBlank())
                    .map(Record::new)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a record written after a mark contains {@code text} (a server may log a little after it answered). */
    void await(long mark, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (since(mark).stream().noneMatch(record -> record.text().contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No record containing '" + text + "' in " + file + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** One log record: its level (JUL's numbers) and its text, with any stack trace. */
    record Record(String text) {

        int level() {
            Matcher payara = PAYARA_LEVEL.matcher(text);
            if (payara.find()) {
                return Integer.parseInt(payara.group(1));
            }
            Matcher wildfly = WILDFLY_LEVEL.matcher(text);
            return wildfly.find() ? WILDFLY_LEVELS.getOrDefault(wildfly.group(1), 0) : 0;
        }

        boolean hasStackTrace() {
            return STACK_FRAME.matcher(text).find();
        }

        /** At most one line, at INFO or below. */
        boolean isQuiet() {
            return level() < WARNING && !hasStackTrace() && text.strip().lines().count() <= 1;
        }

        @Override
        public String toString() {
            String shown = text.strip();
            return shown.length() > 3000 ? shown.substring(0, 3000) + " ..." : shown;
        }
    }
}
