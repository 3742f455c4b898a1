package io.pistonee.emitter;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One CSV row, written to as a Jackson generator: a shaped item arrives as generator calls (the same
 * an item's JSON is written with) and leaves as columns and cells, without a tree or a map per row.
 * Nested objects become dotted columns ({@code author.username}), array items indexed ones
 * ({@code tags.0}), an empty object or array one empty cell at its own column, a scalar the column
 * {@code value}; text cells pass through the emitter's formula escaping, {@code null} is an empty
 * cell. Reused row after row: {@link #clear()} between them.
 */
final class CsvRow extends GeneratorBase {

    private static final String VALUE = "value";

    private final UnaryOperator<String> text;
    private final List<String> columns = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    /** Per cell of the row, the nested column it had last. */
    private Joined[] joined = new Joined[16];

    /** Per open container (index 0 the row itself): its column, whether an array, how many values. */
    private String[] prefixes = new String[8];

    private boolean[] arrays = new boolean[8];
    private int[] counts = new int[8];
    private int depth = -1;
    private String name;

    /** @param text what a text cell is written as (the formula escaping) */
    CsvRow(UnaryOperator<String> text) {
        super(0, null, (IOContext) null);
        this.text = text;
    }

    void clear() {
        columns.clear();
        cells.clear();
        depth = -1;
        name = null;
    }

    List<String> columns() {
        return columns;
    }

    List<String> cells() {
        return cells;
    }

    /** Whether this row has exactly these columns, in this order. */
    boolean hasColumns(List<String> header) {
        int size = header.size();
        if (size != columns.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            String column = columns.get(i);
            String expected = header.get(i);
            if (column != expected && !column.equals(expected)) {
                return false;
            }
        }
        return true;
    }

    /** This row's cells by column, in column order. */
    Map<String, String> byColumn() {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byColumn.put(columns.get(i), cells.get(i));
        }
        return byColumn;
    }

    /** The cells of this row under a header's columns, empty where the row has no such column. */
    List<String> cellsUnder(List<String> header) {
        Map<String, String> byColumn = byColumn();
        List<String> row = new ArrayList<>(header.size());
        for (String column : header) {
            row.add(byColumn.get(column));
        }
        return row;
    }

    /** The column of the value about to be written. */
    private String column() {
        if (depth < 0) {
            return VALUE;
        }
        String own = arrays[depth] ? String.valueOf(counts[depth]) : name;
        String prefix = prefixes[depth];
        if (prefix == null) {
            return own;
        }
        // row after row the same cell has the same names (a shape's): a nested column is joined once
        int cell = columns.size();
        if (cell >= joined.length) {
            joined = Arrays.copyOf(joined, Math.max(cell + 1, joined.length * 2));
        }
        Joined last = joined[cell];
        if (last == null || last.own != own || last.prefix != prefix) {
            last = new Joined(own, prefix, prefix + "." + own);
            joined[cell] = last;
        }
        return last.column;
    }

    /** The column of a nested cell, by the names it was joined from. */
    private record Joined(String own, String prefix, String column) {}

    private void cell(String value) {
        columns.add(column());
        cells.add(value);
        counted();
    }

    private void counted() {
        if (depth >= 0) {
            counts[depth]++;
        }
    }

    private void open(boolean array) {
        String prefix = depth < 0 ? null : column();
        depth++;
        if (depth == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, depth * 2);
            arrays = Arrays.copyOf(arrays, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
        }
        prefixes[depth] = prefix;
        arrays[depth] = array;
        counts[depth] = 0;
    }

    private void close(boolean array) throws IOException {
        if (depth < 0 || arrays[depth] != array) {
            throw new IOException("Unbalanced " + (array ? "array" : "object") + " in a CSV row");
        }
        boolean empty = counts[depth] == 0;
        String own = prefixes[depth];
        depth--;
        if (empty) {
            columns.add(own == null ? VALUE : own);
            cells.add(null);
        }
        counted();
    }

    @Override
    public void writeStartArray() {
        open(true);
    }

    @Override
    public void writeEndArray() throws IOException {
        close(true);
    }

    @Override
    public void writeStartObject() {
        open(false);
    }

    @Override
    public void writeEndObject() throws IOException {
        close(false);
    }

    @Override
    public void writeFieldName(String fieldName) {
        name = fieldName;
    }

    @Override
    public void writeFieldName(SerializableString fieldName) {
        name = fieldName.getValue();
    }

    @Override
    public void writeString(String value) {
        cell(value == null ? null : text.apply(value));
    }

    @Override
    public void writeString(char[] buffer, int offset, int length) {
        writeString(new String(buffer, offset, length));
    }

    @Override
    public void writeRawUTF8String(byte[] buffer, int offset, int length) {
        writeString(new String(buffer, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void writeUTF8String(byte[] buffer, int offset, int length) {
        writeRawUTF8String(buffer, offset, length);
    }

    @Override
    public void writeRaw(String raw) {
        throw new UnsupportedOperationException("CSV cells are not written raw");
    }

    @Override
    public void writeRaw(String raw, int offset, int length) {
        writeRaw(raw);
    }

    @Override
    public void writeRaw(char[] raw, int offset, int length) {
        writeRaw(new String(raw, offset, length));
    }

    @Override
    public void writeRaw(char raw) {
        writeRaw(String.valueOf(raw));
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
        writeString(variant.encode(Arrays.copyOfRange(data, offset, offset + length)));
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int length) throws IOException {
        byte[] bytes = length < 0 ? data.readAllBytes() : data.readNBytes(length);
        writeBinary(variant, bytes, 0, bytes.length);
        return bytes.length;
    }

    @Override
    public void writeNumber(int value) {
        cell(Integer.toString(value));
    }

    @Override
    public void writeNumber(long value) {
        cell(Long.toString(value));
    }

    @Override
    public void writeNumber(BigInteger value) {
        cell(value == null ? null : value.toString());
    }

    @Override
    public void writeNumber(double value) {
        cell(Double.toString(value));
    }

    @Override
    public void writeNumber(float value) {
        cell(Float.toString(value));
    }

    @Override
    public void writeNumber(BigDecimal value) {
        cell(value == null ? null : value.toString());
    }

    @Override
    public void writeNumber(String encoded) {
        cell(encoded);
    }

    @Override
    public void writeBoolean(boolean value) {
        cell(Boolean.toString(value));
    }

    @Override
    public void writeNull() {
        cell(null);
    }

    /** A tree (what the mapper made of a value no shape knows) is written as its parts. */
    @Override
    public void writeTree(TreeNode tree) throws IOException {
        if (tree == null) {
            writeNull();
        } else if (tree instanceof JsonNode node) {
            node(node);
        } else {
            super.writeTree(tree);
        }
    }

    private void node(JsonNode node) throws IOException {
        if (node.isObject()) {
            writeStartObject();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                writeFieldName(member.getKey());
                node(member.getValue());
            }
            writeEndObject();
        } else if (node.isArray()) {
            writeStartArray();
            for (JsonNode item : node) {
                node(item);
            }
            writeEndArray();
        } else if (node.isNull() || node.isMissingNode()) {
            writeNull();
        } else if (node.isTextual()) {
            writeString(node.textValue());
        } else {
            cell(node.asText());
        }
    }

    @Override
    public JsonGenerator useDefaultPrettyPrinter() {
        return this;
    }

    @Override
    public void flush() {}

    @Override
    protected void _releaseBuffers() {}

    @Override
    protected void _verifyValueWrite(String typeMsg) {}
}
