package io.pistonee.parser;

import java.util.List;

/**
 * The request body formats a fuzz test mutates, each with valid bodies to start from (blog posts, as
 * the example application takes them), the markup and escapes of the format, and how it nests.
 * Shared by {@code MalformedBodiesTest} (the parsers) and {@code MalformedBodiesIT} (the servers).
 */
public enum BodyFormat {
    JSON(
            "application/json",
            List.of(
                    "{\"title\":\"Hello\",\"content\":\"World\"}",
                    "{\"title\":\"Fish & chips \\u00e9 \\ud83d\\ude00 \u00e9\",\"content\":\"line\\nbreak \\\"quoted\\\" \\\\\","
                            + "\"id\":7,\"created_on\":\"2026-12-01T10:00:00Z\",\"version\":3,\"tags\":[\"a\",\"b\"],"
                            + "\"meta\":{\"n\":1.5,\"ok\":true,\"none\":null},\"resource_uri\":\"/api/posts/7\"}",
                    "[{\"title\":\"a\",\"content\":\"b\"},{\"title\":\"c\",\"content\":\"d\"}]"),
            Markup.JSON,
            List.of("[", "{\"a\":"),
            List.of("]", "}")),
    YAML(
            "application/yaml",
            List.of(
                    "title: Hello\ncontent: World\n",
                    "title: \"Fish & chips \\u00e9 \u00e9\"\ncontent: |\n  line one\n  line two\ntags:\n  - a\n  - b\n"
                            + "meta: {n: 1.5, ok: true, none: null}\nid: 7\ncreated_on: 2026-12-01T10:00:00Z\n",
                    "---\n- title: a\n  content: b\n- title: 'c'\n  content: >\n    d\n"),
            List.of(
                    ":",
                    ": ",
                    "- ",
                    "\n",
                    "\n  ",
                    "\t",
                    "{",
                    "}",
                    "[",
                    "]",
                    ",",
                    "&a ",
                    "*a",
                    "!!python/object:os.system ",
                    "!!str ",
                    "!<tag:yaml.org,2002:int> ",
                    "? ",
                    "|",
                    ">-",
                    "#",
                    "---\n",
                    "...\n",
                    "%YAML 1.2\n---\n",
                    "%TAG ! tag:x:\n",
                    "'",
                    "\"",
                    "\\x4",
                    "\\u12",
                    "\\ud800",
                    "@",
                    "`",
                    "<<: *a",
                    "0x",
                    "0o8",
                    ".inf",
                    "~",
                    "\u0000",
                    "\u0085",
                    "\ufeff",
                    "1e99999",
                    "99999999999999999999999"),
            List.of("[", "{a: ", "- "),
            List.of("]", "}", "")),
    XML(
            "application/xml",
            List.of(
                    "<post><title>Hello</title><content>World</content></post>",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                            + "<title>Fish &amp; chips &#233; &#x1F600; \u00e9</title><content><![CDATA[a <b> & c]]></content>"
                            + "<tags><resource>a</resource><resource>b</resource></tags><note xsi:nil=\"true\"/>"
                            + "<item key=\"k\">1</item><id>7</id><created_on>2026-12-01T10:00:00Z</created_on></response>",
                    "<response><resource><title>a</title><content>b</content></resource>"
                            + "<resource><title>c</title><content>d</content></resource></response>"),
            List.of(
                    "<",
                    ">",
                    "</",
                    "/>",
                    "&",
                    "&undeclared;",
                    "&lt;",
                    "&amp",
                    "&#0;",
                    "&#x1;",
                    "&#xD800;",
                    "&#99999999;",
                    "&#x;",
                    "<![CDATA[",
                    "]]>",
                    "<!--",
                    "-->",
                    "<?pi x?>",
                    "<?xml version=\"1.0\"?>",
                    "<!DOCTYPE a>",
                    "<!DOCTYPE a [<!ENTITY e \"x\">]>",
                    "<!ENTITY e SYSTEM \"file:///etc/passwd\">",
                    "<a>",
                    "</a>",
                    "</title >",
                    "</ti-tle>",
                    "<a b>",
                    "\"",
                    "'",
                    "=",
                    " xmlns:a=\"u\"",
                    "a:b",
                    " xsi:nil=\"true\"",
                    " key=\"k\"",
                    " key=\"\"",
                    "\u0001",
                    "\ufffe",
                    "\ufeff",
                    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                    "<?xml version=\"1.1\"?>",
                    "<?xml version=\"1.0\" encoding=\"EBCDIC-XX\"?>",
                    "<resource>",
                    "</resource>",
                    "<item key=\"k\">"),
            List.of("<a>", "<resource>"),
            List.of("</a>", "</resource>")),
    FORM(
            "application/x-www-form-urlencoded",
            List.of(
                    "title=Hello&content=World",
                    "title=Fish+%26+chips+%C3%A9&content=line%0Abreak&tags=a&tags=b&id=7"
                            + "&created_on=2026-12-01T10%3A00%3A00Z"),
            List.of(
                    "%",
                    "%z",
                    "%zz",
                    "%ff",
                    "%c3",
                    "%00",
                    "%01",
                    "%ed%a0%80",
                    "%C0%80",
                    "%EF%BF%BE",
                    "+",
                    "&",
                    "=",
                    "&&",
                    "==",
                    "%2",
                    ";",
                    "title=",
                    "content=",
                    "\u00e9",
                    "\u0000",
                    "\r\n",
                    "%uD800"),
            List.of("&a="),
            List.of("")),
    MULTIPART(
            "multipart/form-data; boundary=XyZ",
            List.of(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"content\"\r\n"
                            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nWorld \u00e9\r\n--XyZ--\r\n",
                    "preamble\r\n--XyZ\r\ncontent-disposition: form-data; name=\"title\"\r\n\r\n"
                            + "Fish & chips\r\n--XyZ\r\nContent-Disposition: form-data; name=\"content\"\r\n"
                            + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nline\r\nbreak\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
                            + "--XyZ\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n--XyZ--"),
            List.of(
                    "\r\n",
                    "\r\n\r\n",
                    "\n",
                    "--XyZ",
                    "--XyZ--",
                    "\r\n--XyZ\r\n",
                    "--",
                    ":",
                    ";",
                    "\"",
                    "Content-Disposition: form-data; name=\"x\"\r\n\r\n",
                    "; filename=\"a.txt\"",
                    "; filename*=UTF-8''a",
                    "Content-Type: text/plain; charset=ISO-8859-1\r\n",
                    "Content-Type: ;;;\r\n",
                    "Content-Type: text/plain; charset=nope\r\n",
                    "Content-Type: text/plain; charset=UTF-16\r\n",
                    "Content-Type: text/plain; charset=\"\"\r\n",
                    "name*=UTF-8''x",
                    "\u00e9",
                    "\u0000"),
            List.of("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"),
            List.of("\r\n")),
    MERGE_PATCH(
            "application/merge-patch+json",
            List.of(
                    "{\"title\":\"Patched\"}",
                    "{\"content\":null,\"meta\":{\"n\":2,\"new\":{\"deep\":[1,2]}},\"tags\":[\"\\u00e9\"]}",
                    "{\"title\":\"t\",\"content\":\"c\",\"created_on\":\"2026-12-01T10:00:00+01:00\"}"),
            Markup.JSON,
            List.of("[", "{\"a\":"),
            List.of("]", "}")),
    JSON_PATCH(
            "application/json-patch+json",
            List.of(
                    "[{\"op\":\"replace\",\"path\":\"/title\",\"value\":\"x\"},"
                            + "{\"op\":\"test\",\"path\":\"/content\",\"value\":\"World\"}]",
                    "[{\"op\":\"add\",\"path\":\"/tags/-\",\"value\":\"c\"},{\"op\":\"copy\",\"from\":\"/content\",\"path\":\"/t~1x\"},"
                            + "{\"op\":\"move\",\"from\":\"/t~1x\",\"path\":\"/content\"},{\"op\":\"remove\",\"path\":\"/tags/0\"},"
                            + "{\"op\":\"add\",\"path\":\"/meta/n\",\"value\":{\"a\":[1]}}]"),
            concat(
                    Markup.JSON,
                    List.of(
                            "\"/\"",
                            "\"~\"",
                            "\"~2\"",
                            "\"/-\"",
                            "\"/0\"",
                            "\"/99999999999\"",
                            "\"/tags/-1\"",
                            "\"op\"",
                            "\"from\"",
                            "\"path\"",
                            "\"value\"",
                            "\"move\"",
                            "\"test\"",
                            "\"\"")),
            List.of("[", "{\"a\":"),
            List.of("]", "}"));

    /** A post as the patch formats' target, as the server holds one. */
    public static final String PATCH_TARGET =
            "{\"title\":\"Hello\",\"content\":\"World\",\"tags\":[\"a\",\"b\"],\"meta\":{\"n\":1}}";

    private final String contentType;
    private final List<String> valid;
    private final List<String> markup;
    private final List<String> openers;
    private final List<String> closers;

    BodyFormat(
            String contentType, List<String> valid, List<String> markup, List<String> openers, List<String> closers) {
        this.contentType = contentType;
        this.valid = valid;
        this.markup = markup;
        this.openers = openers;
        this.closers = closers;
    }

    /** The {@code Content-Type} its bodies are sent with. */
    public String contentType() {
        return contentType;
    }

    /** Valid bodies of blog posts (some of lists of posts, which a POST creates in bulk). */
    public List<String> valid() {
        return valid;
    }

    /** The format's markup and escapes, and what its parsers and binder might stumble on. */
    List<String> markup() {
        return markup;
    }

    /** Strings that open a level of nesting, each closed by the closer at the same index. */
    List<String> openers() {
        return openers;
    }

    List<String> closers() {
        return closers;
    }

    /** Whether it is a patch document, sent with PATCH only. */
    public boolean patch() {
        return this == MERGE_PATCH || this == JSON_PATCH;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static final class Markup {
        static final List<String> JSON = List.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                "\\",
                "\\u",
                "\\ud800",
                "\\udc00\\ud800",
                "\\u00",
                "\\x41",
                "\\'",
                ":",
                ",",
                "null",
                "true",
                "1e999999999",
                "-0",
                "NaN",
                "-Infinity",
                "0x1F",
                "01",
                "1.",
                ".5",
                "/*",
                "//",
                "'",
                "\u0000",
                "\u0001",
                "\t",
                "\n",
                " ",
                "\"a\":1,",
                "\"title\":",
                "\"title\":{}",
                "\"title\":[]",
                "1.0e-400",
                "99999999999999999999999999999999",
                "\ufeff",
                "\u2028",
                "\"\\u0000\"");
    }
}
