package io.pistonee.security.internal;

/** The two {@code Authorization} schemes Piston EE reads, matched case-insensitively (RFC 9110). */
enum Scheme {
    BASIC("Basic"),
    BEARER("Bearer");

    private final String label;

    Scheme(String label) {
        this.label = label;
    }

    /** The scheme a header value uses, or {@code null} for any other scheme. */
    static Scheme of(String header) {
        for (Scheme scheme : values()) {
            if (header.length() >= scheme.length()
                    && header.regionMatches(true, 0, scheme.label, 0, scheme.length())
                    && (header.length() == scheme.length() || header.charAt(scheme.length()) == ' ')) {
                return scheme;
            }
        }
        return null;
    }

    int length() {
        return label.length();
    }

    String label() {
        return label;
    }
}
