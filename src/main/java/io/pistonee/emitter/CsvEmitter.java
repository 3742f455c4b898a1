package io.pistonee.emitter;

import io.pistonee.config.PistonConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code csv}: {@code text/csv} (RFC 4180, UTF-8, CRLF). The header row is the shaped fields; nested
 * objects are flattened with dots ({@code author.username}), array items by index
 * ({@code tags.0}); {@code null} is an empty cell, an empty string {@code ""}. One row per item of a collection, one row for a
 * single object, a {@code value} column for a scalar.
 *
 * <p>A collection already in memory (a {@code List}...) gets a header that unites every row's
 * columns; a stream is written row by row with the first row's columns (every row has them when a
 * field spec shapes the items). Errors go out as JSON problems: CSV cannot carry one.
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return as a formula (OWASP's "CSV injection": {@code =HYPERLINK(...)} in a post's title).
 * Such text cells, and header cells, are written with a leading {@code '}, which spreadsheets show as
 * text; numbers stay as they are, and so does text that is a plain number ({@code -12.5}), which no
 * spreadsheet runs. {@code piston.csv.escape-formulas=false} writes every value unchanged, for
 * consumers that are no spreadsheet.
 */
@Provider
@ApplicationScoped
@Priority(400)
@Produces("text/csv")
public class CsvEmitter implements Emitter {

    private static final MediaType CSV = new MediaType("text", "csv", Map.of("charset", "utf-8", "header", "present"));
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** Whether text that would start a formula is escaped; {@code piston.csv.escape-formulas}. */
    boolean escapeFormulas = true;

    @Inject
    void configure(PistonConfig config) {
        escapeFormulas = config.csvEscapeFormulas();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public List<MediaType> mediaTypes() {
        return List.of(CSV);
    }

    @Override
    public void emit(Emission emission, MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        Utf8 writer = new Utf8(out);
        CsvRow row = new CsvRow(this::text);
        if (!emission.isSequence()) {
            emission.writeItem(emission.value(), row);
            row(row.columns().stream().map(this::text).toList(), writer);
            row(row.cells(), writer);
        } else if (emission.value() instanceof Collection<?>
                || emission.value().getClass().isArray()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Iterator<?> items = emission.items(); items.hasNext(); ) {
                row.clear();
                emission.writeItem(items.next(), row);
                rows.add(row.byColumn());
            }
            writeAll(rows, writer);
        } else {
            writeStreamed(emission, row, writer);
        }
        writer.flush();
    }

    private void writeAll(List<Map<String, String>> rows, Utf8 writer) throws IOException {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(row -> header.addAll(row.keySet()));
        row(header.stream().map(this::text).toList(), writer);
        for (Map<String, String> row : rows) {
            row(header.stream().map(row::get).toList(), writer);
        }
    }

    /**
     * A one-pass sequence, row by row under the first row's columns (every row has them when a field
     * spec shapes the items, and then they come in the same order, so cells go out as they are).
     */
    private void writeStreamed(Emission emission, CsvRow row, Utf8 writer) throws IOException {
        List<String> header = null;
        for (Iterator<?> items = emission.items(); items.hasNext(); ) {
            row.clear();
            emission.writeItem(items.next(), row);
            if (header == null) {
                header = List.copyOf(row.columns());
                row(header.stream().map(this::text).toList(), writer);
            }
            row(row.hasColumns(header) ? row.cells() : row.cellsUnder(header), writer);
        }
    }

    /** A text value as written: with a leading {@code '} if a spreadsheet would run it as a formula. */
    String text(String value) {
        if (!escapeFormulas || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    private static void row(List<String> cells, Utf8 writer) throws IOException {
        for (int i = 0, size = cells.size(); i < size; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.cell(cells.get(i));
        }
        writer.write('\r');
        writer.write('\n');
    }

    /**
     * RFC 4180: a cell is quoted when it holds a comma, a quote, a line break or surrounding space, and
     * when it is empty (so an empty string differs from {@code null}, an empty cell).
     */
    private static boolean quoted(String value) {
        int length = value.length();
        if (length == 0
                || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(length - 1))) {
            return true;
        }
        // four of the JDK's vectorized searches outrun one loop over the characters
        return value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
    }

    /**
     * The response as UTF-8, written into one buffer (what a writer over an encoder does in two
     * copies, once per cell of every row): an unpaired surrogate becomes {@code ?}, as the JDK's
     * encoder writes it.
     */
    private static final class Utf8 {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        Utf8(OutputStream out) {
            this.out = out;
        }

        /** One cell, {@link CsvEmitter#cell quoted} where it must be. */
        void cell(String value) throws IOException {
            if (value == null) {
                return;
            }
            if (!quoted(value)) {
                text(value);
                return;
            }
            write('"');
            text(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
            write('"');
        }

        void write(char ascii) throws IOException {
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (byte) ascii;
        }

        private void text(String text) throws IOException {
            int length = text.length();
            if (length <= 256 && length <= buffer.length - size) {
                // the JDK's encoder copies an ASCII string's bytes at once; it is as long as the string
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (bytes.length == length) {
                    System.arraycopy(bytes, 0, buffer, size, length);
                    size += length;
                    return;
                }
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (size > buffer.length - 4) {
                    drain();
                }
                if (c < 0x80) {
                    buffer[size++] = (byte) c;
                } else if (c < 0x800) {
                    buffer[size++] = (byte) (0xc0 | c >> 6);
                    buffer[size++] = (byte) (0x80 | c & 0x3f);
                } else if (!Character.isSurrogate(c)) {
                    buffer[size++] = (byte) (0xe0 | c >> 12);
                    buffer[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                    buffer[size++] = (byte) (0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int point = Character.toCodePoint(c, text.charAt(++i));
                    buffer[size++] = (byte) (0xf0 | point >> 18);
                    buffer[size++] = (byte) (0x80 | point >> 12 & 0x3f);
                    buffer[size++] = (byte) (0x80 | point >> 6 & 0x3f);
                    buffer[size++] = (byte) (0x80 | point & 0x3f);
                } else {
                    buffer[size++] = '?';
                }
            }
        }

        private void drain() throws IOException {
            out.write(buffer, 0, size);
            size = 0;
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }
    }
}
