package io.pistonee.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.pistonee.config.PistonConfig;
import io.pistonee.parser.internal.Binding;
import io.pistonee.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fuzz test of every request body format: thousands of bodies mutated from valid ones
 * ({@link Mutator}), each parsed as the server parses it, a patch applied to a post, and the result
 * bound to a post. Every body either binds or answers a 4xx problem with a detail; anything else,
 * however late the parser raises it, fails the test with the body's seed and bytes.
 *
 * <p>Deterministic: the seeds are fixed. Replay one case with
 * {@code -Dfuzz.seed=<seed>} (and {@code -Dtest=MalformedBodiesTest}), or run more with
 * {@code -Dfuzz.cases=<n>}.
 */
class MalformedBodiesTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 4000);
    private static final PistonConfig CONFIG = PistonConfig.of("snake_case", 1 << 20, 64, false);
    private static final int SHOWN = 10;
    /** What only a parser's code means: its source descriptions, class names and switches. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\[Source|REDACTED|(?:com\\.ctc|com\\.fasterxml|org\\.yaml|java\\.(?:io|lang))\\.|Feature\\.|Exception");

    /** The example application's post, with a field of each kind binding converts to. */
    record Post(
            Long id,
            String title,
            String content,
            OffsetDateTime createdOn,
            Integer version,
            List<String> tags,
            Map<String, Object> meta) {}

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void everyMutatedBodyBindsOrIsA4xxProblemNeverAnotherFailure(BodyFormat format) {
        List<String> failures = new ArrayList<>();
        int bound = 0;
        int refused = 0;
        for (long seed : seeds(format)) {
            byte[] body = Mutator.body(format, seed);
            String failure = failure(format, body);
            if (failure == null) {
                bound++;
            } else if (failure.isEmpty()) {
                refused++;
            } else {
                failures.add("  " + format + " seed " + seed + ": " + Mutator.describe(body) + "\n    -> " + failure);
            }
        }

        if (!failures.isEmpty()) {
            fail("%d of %d %s bodies failed otherwise than with a 4xx problem naming the problem; the first:%n%s"
                    .formatted(
                            failures.size(),
                            seeds(format).length,
                            format,
                            String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size())))));
        }
        if (Long.getLong("fuzz.seed") == null) {
            assertThat(bound).as("mutations that leave a body valid").isPositive();
            assertThat(refused).as("mutations that break a body").isGreaterThan(CASES / 2);
        }
    }

    /** {@code null} if the body binds, empty if it is refused as it should be, else what went wrong. */
    private static String failure(BodyFormat format, byte[] body) {
        try {
            bind(format, body);
            return null;
        } catch (ProblemException e) {
            int status = e.problem().status();
            return status >= 400 && status < 500 && namesTheProblem(e.problem().detail())
                    ? ""
                    : status + " " + e.problem().detail();
        } catch (RuntimeException | StackOverflowError e) {
            return trace(e);
        }
    }

    /** Parses a body as the server does, applies it to a post if it is a patch, and binds the result. */
    private static void bind(BodyFormat format, byte[] body) {
        MediaType type = MediaType.valueOf(format.contentType());
        JsonNode tree = parser(format)
                .read(new ByteArrayInputStream(body), null, type, CONFIG)
                .tree();
        if (format.patch()) {
            tree = PatchParser.apply(type, json(BodyFormat.PATCH_TARGET), tree);
        }
        if (tree.isArray() && !format.patch()) {
            tree.forEach(item -> Binding.convert(item, Post.class, CONFIG.mapper()));
        } else {
            Binding.convert(tree, Post.class, CONFIG.mapper());
        }
    }

    private static BodyParser parser(BodyFormat format) {
        return switch (format) {
            case JSON -> new JsonParser();
            case YAML -> new YamlParser();
            case XML -> new XmlParser();
            case FORM -> new FormParser();
            case MULTIPART -> new MultipartParser();
            case MERGE_PATCH, JSON_PATCH -> new PatchParser();
        };
    }

    /** Fixed seeds, distinct per format; or the one seed to replay. */
    private static long[] seeds(BodyFormat format) {
        Long replay = Long.getLong("fuzz.seed");
        if (replay != null) {
            return new long[] {replay};
        }
        long first = (format.ordinal() + 1) * 1_000_000L;
        return java.util.stream.LongStream.range(first, first + CASES).toArray();
    }

    private static String trace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString()
                .lines()
                .limit(8)
                .reduce((a, b) -> a + "\n       " + b)
                .orElse("");
    }

    /** A detail that says what is wrong in the client's words: not empty, no parser's class or switch. */
    private static boolean namesTheProblem(String detail) {
        return detail != null && !detail.isBlank() && !INTERNALS.matcher(detail).find();
    }

    private static JsonNode json(String text) {
        try {
            return CONFIG.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
