package io.pistonee.resource;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of RFC 9110's conditional requests, as pure functions: entity-tag lists, strong and weak
 * comparison, HTTP dates.
 */
final class Preconditions {

    /** RFC 9110's preferred date format: always two-digit days, always GMT. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    private Preconditions() {}

    /** A strong entity tag: {@code "opaque"}. */
    static String strong(String opaque) {
        return '"' + opaque + '"';
    }

    /** A weak entity tag: {@code W/"opaque"}. */
    static String weak(String opaque) {
        return "W/" + strong(opaque);
    }

    /**
     * Whether {@code If-None-Match} matches the current tag (weak comparison): a GET then answers 304,
     * a write 412.
     */
    static boolean noneMatchFails(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || current == null) {
            return false;
        }
        for (String tag : tags(ifNoneMatch)) {
            if (tag.equals("*") || opaque(tag).equals(opaque(current))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code If-Match} holds for the current tag (strong comparison: a weak tag never matches;
     * {@code *} matches any current representation).
     */
    static boolean matches(String ifMatch, String current) {
        for (String tag : tags(ifMatch)) {
            if (tag.equals("*")) {
                return true;
            }
            if (!tag.startsWith("W/") && current != null && !current.startsWith("W/") && tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a representation last modified at {@code lastModified} is newer than an HTTP date. */
    static boolean modifiedSince(String httpDate, Instant lastModified) {
        Instant since = parseDate(httpDate);
        return since == null || lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    }

    /** An HTTP date (IMF-fixdate; RFC 850 and asctime are obsolete and read as absent). */
    static Instant parseDate(String httpDate) {
        if (httpDate == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant as an HTTP date. */
    static String formatDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atZone(java.time.ZoneOffset.UTC));
    }

    /** The entity tags of a header value: comma-separated, commas inside quotes kept. */
    static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(tags, tag);
            } else {
                tag.append(c);
            }
        }
        add(tags, tag);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder tag) {
        String value = tag.toString().strip();
        if (!value.isEmpty()) {
            tags.add(value);
        }
        tag.setLength(0);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
