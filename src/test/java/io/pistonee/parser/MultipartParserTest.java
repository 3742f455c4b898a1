package io.pistonee.parser;

import static io.pistonee.parser.Bodies.parse;
import static io.pistonee.parser.Bodies.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartParserTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private final MultipartParser parser = new MultipartParser();

    @Test
    void readsEveryFieldOfTheForm() {
        String body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"content\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "two\r\nlines\r\n--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\na\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\nb\r\n--XyZ--\r\n";

        assertThat(parse(parser, TYPE, body).toString())
                .isEqualTo("{\"title\":\"Hello\",\"content\":\"two\\r\\nlines\",\"tag\":[\"a\",\"b\"]}");
    }

    @Test
    void refusesFileUploads() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n\r\nx\r\n--XyZ--";

        rejects(parser, TYPE, body, 400).hasMessageContaining("File uploads are not accepted");
    }

    @Test
    void refusesMalformedMultipart() {
        rejects(parser, "multipart/form-data", "x", 400).hasMessageContaining("boundary");
        rejects(parser, TYPE, "no boundary here", 400).hasMessageContaining("never appears");
        rejects(parser, TYPE, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", 400)
                .hasMessageContaining("closing boundary");
        rejects(parser, TYPE, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", 400)
                .hasMessageContaining("Content-Disposition");
    }
}
