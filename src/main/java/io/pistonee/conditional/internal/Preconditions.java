package io.pistonee.conditional.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of RFC 9110's conditional requests, as pure functions: entity-tag lists, strong and weak
 * comparison, HTTP dates.
 */
final class Preconditions {

    /** RFC 9110's preferred date format: always two-digit days, always GMT. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    private static final Pattern VARIANT_KEY = Pattern.compile("[A-Za-z0-9_-]{" + Variant.KEY_LENGTH + "}");

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
     * Whether {@code If-None-Match} on a read matches the current tag (weak comparison of whole tags,
     * so only the same variant matches): the read then answers 304.
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
     * Whether {@code If-Match} holds for the item's current state part (see {@link EntityTags}): a
     * strong tag whose state part is the current one matches, whatever variant it was issued for,
     * since a write replaces the state and not one representation of it; a weak tag never matches;
     * {@code *} matches any current item.
     */
    static boolean stateMatches(String ifMatch, String currentState) {
        for (String tag : tags(ifMatch)) {
            if (tag.equals("*") || (!tag.startsWith("W/") && state(tag).equals(currentState))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code If-None-Match} on a write matches the item's current state part (weak
     * comparison, any variant; {@code *} matches any current item): the write then answers 412.
     */
    static boolean stateNoneMatchFails(String ifNoneMatch, String currentState) {
        for (String tag : tags(ifNoneMatch)) {
            if (tag.equals("*") || state(opaque(tag)).equals(currentState)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The state part of a strong tag: {@code 7} of {@code "7-AbCd_123"}. A tag without a variant
     * suffix is all state.
     */
    static String state(String tag) {
        String opaque = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : tag;
        int separator = opaque.length() - Variant.KEY_LENGTH - 1;
        if (separator > 0
                && opaque.charAt(separator) == '-'
                && VARIANT_KEY.matcher(opaque.substring(separator + 1)).matches()) {
            return opaque.substring(0, separator);
        }
        return opaque;
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
