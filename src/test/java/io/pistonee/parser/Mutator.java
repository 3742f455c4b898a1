package io.pistonee.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Request bodies mutated from valid ones, reproducibly: a seed alone decides the body
 * ({@code Mutator.body(BodyFormat.XML, 42)} is always the same bytes), so a failing case is replayed
 * from the seed it prints. A body is one of the format's valid bodies with one to four mutations:
 * byte and bit flips, truncation, deleted and repeated slices, the format's markup and escapes
 * inserted or put in place of a slice, random bytes, invalid UTF-8, another encoding of the whole
 * body, and nesting, sometimes deeper than any limit.
 */
public final class Mutator {

    private static final List<byte[]> BAD_UTF8 = List.of(
            new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            new byte[] {(byte) 0x80}, // a lone continuation byte
            new byte[] {(byte) 0xC3}, // a truncated sequence
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five bytes
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte order mark, anywhere

    private static final List<Charset> ENCODINGS = List.of(
            StandardCharsets.UTF_16,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE,
            StandardCharsets.ISO_8859_1,
            Charset.forName("UTF-32"));

    private final BodyFormat format;
    private final Random random;
    private byte[] body;

    private Mutator(BodyFormat format, long seed) {
        this.format = format;
        this.random = new Random(seed);
        this.body = pick(format.valid()).getBytes(StandardCharsets.UTF_8);
    }

    /** The body of a seed: one of the format's valid bodies, mutated one to four times. */
    public static byte[] body(BodyFormat format, long seed) {
        Mutator mutator = new Mutator(format, seed);
        for (int mutations = 1 + mutator.random.nextInt(4); mutations > 0; mutations--) {
            mutator.mutate();
        }
        return mutator.body;
    }

    /** A body as a Java string literal would write it: printable ASCII as itself, any other byte as {@code \xNN}. */
    public static String describe(byte[] body) {
        StringBuilder text = new StringBuilder(body.length + 16).append('"');
        for (byte b : body) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                text.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.format("\\x%02X", c));
            }
        }
        return text.append('"').toString();
    }

    private void mutate() {
        switch (random.nextInt(11)) {
            case 0 -> flipByte();
            case 1 -> flipBit();
            case 2 -> body = Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 3 -> replace(slice(), new byte[0]);
            case 4, 5 -> insert(utf8(pick(format.markup())));
            case 6 -> replace(slice(), utf8(pick(format.markup())));
            case 7 -> repeatSlice();
            case 8 -> insert(random.nextBoolean() ? pick(BAD_UTF8) : randomBytes());
            case 9 -> encode();
            default -> nest();
        }
    }

    private void flipByte() {
        if (body.length > 0) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
        }
    }

    private void flipBit() {
        if (body.length > 0) {
            body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
        }
    }

    private void repeatSlice() {
        int[] slice = slice();
        byte[] copy = Arrays.copyOfRange(body, slice[0], slice[1]);
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        for (int times = 1 + random.nextInt(5); times > 0; times--) {
            repeated.writeBytes(copy);
        }
        replace(new int[] {slice[0], slice[0]}, repeated.toByteArray());
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The whole body in another encoding, its text unchanged (a declared {@code encoding} then lies). */
    private void encode() {
        body = new String(body, StandardCharsets.UTF_8).getBytes(pick(ENCODINGS));
    }

    /** Some levels of the format's nesting around a slice: mostly shallow, sometimes past every limit. */
    private void nest() {
        int kind = random.nextInt(format.openers().size());
        int depth = random.nextInt(4) == 0 ? 50 + random.nextInt(200) : 1 + random.nextInt(8);
        int[] slice = slice();
        byte[] inner = Arrays.copyOfRange(body, slice[0], slice[1]);
        String opener = format.openers().get(kind);
        String closer = format.closers().get(kind);
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        nested.writeBytes(utf8(opener.repeat(depth)));
        nested.writeBytes(inner);
        nested.writeBytes(
                utf8(random.nextInt(5) == 0 ? closer.repeat(random.nextInt(depth + 1)) : closer.repeat(depth)));
        replace(slice, nested.toByteArray());
    }

    private void insert(byte[] bytes) {
        int at = random.nextInt(body.length + 1);
        replace(new int[] {at, at}, bytes);
    }

    private void replace(int[] slice, byte[] bytes) {
        ByteArrayOutputStream replaced = new ByteArrayOutputStream(body.length + bytes.length);
        replaced.write(body, 0, slice[0]);
        replaced.writeBytes(bytes);
        replaced.write(body, slice[1], body.length - slice[1]);
        body = replaced.toByteArray();
    }

    /** A random slice {@code [from, to)} of the body, mostly short. */
    private int[] slice() {
        int from = random.nextInt(body.length + 1);
        int to = Math.min(body.length, from + random.nextInt(random.nextBoolean() ? 4 : 32));
        return new int[] {from, to};
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
