package io.pistonee.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last HTTP exchanges the tests made through {@link Http}, newest last, so that a failing test's
 * message can say what it asked and what it got ({@link FailureReport}).
 */
final class Exchanges {

    private static final int KEPT = 6;
    private static final Deque<String> LAST = new ArrayDeque<>();

    private Exchanges() {}

    static void record(String method, HttpResponse<?> response, Duration took) {
        String line = method + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("(no Content-Type)")
                + " in " + took.toMillis() + " ms" + body(response.body());
        add(line);
    }

    static void failed(String method, String uri, Exception failure, Duration took) {
        add(method + " " + uri + " -> no answer after " + took.toMillis() + " ms: " + failure);
    }

    private static void add(String line) {
        synchronized (LAST) {
            LAST.addLast(line);
            while (LAST.size() > KEPT) {
                LAST.removeFirst();
            }
        }
    }

    static List<String> last() {
        synchronized (LAST) {
            return List.copyOf(LAST);
        }
    }

    static void clear() {
        synchronized (LAST) {
            LAST.clear();
        }
    }

    private static String body(Object body) {
        String text = Optional.ofNullable(body)
                .map(b -> b instanceof byte[] bytes ? bytes.length + " bytes" : b.toString())
                .orElse("")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > 300 ? text.substring(0, 300) + " ..." : text);
    }
}
