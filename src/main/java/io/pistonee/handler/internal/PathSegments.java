package io.pistonee.handler.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** Encodes one segment of a URI path, such as an id in {@code posts/{id}}. */
final class PathSegments {

    private PathSegments() {}

    static String encode(String segment) {
        if (isUnreserved(segment)) {
            return segment; // ids are mostly digits: nothing to encode, no URI to parse for every row
        }
        try {
            return new URI(null, null, segment, null).getRawPath().replace("/", "%2F");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whether a segment is only RFC 3986 unreserved characters, which a path never encodes. */
    private static boolean isUnreserved(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return !segment.isEmpty();
    }
}
