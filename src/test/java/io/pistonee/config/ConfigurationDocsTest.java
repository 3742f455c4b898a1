package io.pistonee.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} and the code agree: every {@code piston.} key the main code reads
 * through MicroProfile Config is documented there, every documented key is read, and a documented
 * default is the code's.
 *
 * <p>The code is read as text: {@code @ConfigProperty(name = ...)} and MicroProfile Config's getters
 * ({@code config.getOptionalValue(...)}), with string constants of the same file resolved. A key built
 * from a prefix ({@code "piston.throttle." + scope + "." + setting}) is a template,
 * {@code piston.throttle.<scope>.<setting>}, whose placeholders stand for anything: the documented
 * {@code piston.throttle.<scope>.requests} is one of its forms. The tests run in the project directory
 * (surefire's working directory).
 */
class ConfigurationDocsTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path CONFIGURATION_DOCS = Path.of("docs/configuration.md");

    private static final Pattern ANNOTATION = Pattern.compile("@ConfigProperty\\s*\\(");
    private static final Pattern GETTER = Pattern.compile("\\.(?:getOptionalValues?|getValues?|getConfigValue)\\s*\\(");
    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"\\\\]*)\"\\s*;");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(piston\\.[A-Za-z0-9._-]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    private static final Pattern DOCUMENTED_ROW =
            Pattern.compile("^\\|\\s*`(piston\\.[^`]+)`\\s*\\|\\s*([^|]*?)\\s*\\|", Pattern.MULTILINE);

    /** A key the code reads, possibly a template, with the default its annotation declares. */
    record Read(String key, Optional<String> defaultValue, Set<String> literals) {}

    @Test
    void everyKeyTheCodeReadsIsDocumented() {
        Set<String> documented = documented().keySet();

        Set<String> undocumented = keys(readByTheCode()).stream()
                .filter(key -> documented.stream().noneMatch(doc -> covers(key, doc)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(readByTheCode()).extracting(Read::key).contains("piston.naming", "piston.oauth.signing-key");
        assertThat(undocumented)
                .as("keys read under src/main/java but missing from the first column of " + CONFIGURATION_DOCS)
                .isEmpty();
    }

    @Test
    void everyDocumentedKeyIsRead() {
        Set<String> read = keys(readByTheCode());

        Set<String> unread = documented().keySet().stream()
                .filter(doc -> read.stream().noneMatch(key -> covers(key, doc)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented()).isNotEmpty();
        assertThat(unread)
                .as("keys documented in " + CONFIGURATION_DOCS + " that no code under src/main/java reads")
                .isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheCodesDefault() {
        Map<String, String> documented = documented();
        Map<String, String> wrong = new LinkedHashMap<>();

        for (Read read : readByTheCode()) {
            read.defaultValue()
                    .map(value -> "`" + value + "`")
                    .filter(value -> documented.containsKey(read.key()))
                    .filter(value -> !value.equals(documented.get(read.key())))
                    .ifPresent(value ->
                            wrong.put(read.key(), "documented " + documented.get(read.key()) + ", code " + value));
        }

        assertThat(wrong).as("defaults in " + CONFIGURATION_DOCS).isEmpty();
    }

    @Test
    void everyPistonKeyInTheCodeIsReadThroughMicroProfileConfig() {
        Set<String> readLiterals = readByTheCode().stream()
                .flatMap(read -> read.literals().stream())
                .collect(Collectors.toSet());

        Set<String> elsewhere = mainSources()
                .flatMap(source -> literals(KEY_LITERAL, withoutComments(source)).stream())
                .filter(literal -> !readLiterals.contains(literal))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(elsewhere)
                .as("key-like literals this test does not see read as configuration: teach it how they are read")
                .isEmpty();
    }

    @Test
    void readsKeysFromAnnotationsGettersConstantsAndPrefixes() {
        String source = """
                class Sample {
                    static final String LIMIT = "piston.sample.limit";
                    // @ConfigProperty(name = "piston.in.a.comment")
                    @Inject @ConfigProperty(name = "piston.sample.size", defaultValue = "7") int size;
                    @Inject @ConfigProperty(name = "piston.sample.key") Optional<String> key;
                    long limit() { return config.getValue(LIMIT, Long.class); }
                    Optional<Long> of(String scope) {
                        return config.getOptionalValue("piston.sample." + scope + ".per", Long.class);
                    }
                    Object other() { return entry.getValue(); }
                }
                """;

        assertThat(reads(source))
                .containsExactlyInAnyOrder(
                        new Read("piston.sample.size", Optional.of("7"), Set.of("piston.sample.size")),
                        new Read("piston.sample.key", Optional.empty(), Set.of("piston.sample.key")),
                        new Read("piston.sample.limit", Optional.empty(), Set.of("piston.sample.limit")),
                        new Read("piston.sample.<scope>.per", Optional.empty(), Set.of("piston.sample.", ".per")));
    }

    @Test
    void aPlaceholderStandsForAnyPartOfAKey() {
        assertThat(covers("piston.throttle.<scope>.<setting>", "piston.throttle.<scope>.requests"))
                .isTrue();
        assertThat(covers("piston.throttle.<scope>.<setting>", "piston.throttle.enabled"))
                .isFalse();
        assertThat(covers("piston.throttle.enabled", "piston.throttle.<scope>.requests"))
                .isFalse();
        assertThat(covers("piston.page.max-size", "piston.page.max-size")).isTrue();
    }

    // What the code reads.

    private static List<Read> readByTheCode() {
        return mainSources().flatMap(source -> reads(source).stream()).toList();
    }

    private static Stream<String> mainSources() {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            return files
                    .filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(ConfigurationDocsTest::read)
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Read> reads(String source) {
        String code = withoutComments(source);
        Map<String, String> constants = constants(code);
        List<Read> reads = new ArrayList<>();
        Matcher annotation = ANNOTATION.matcher(code);
        while (annotation.find()) {
            Map<String, String> arguments = namedArguments(arguments(code, annotation.end()));
            Optional.ofNullable(arguments.get("name"))
                    .map(name -> key(name, constants))
                    .filter(key -> key.key().startsWith("piston."))
                    .ifPresent(key -> reads.add(new Read(
                            key.key(),
                            Optional.ofNullable(arguments.get("defaultValue")).map(ConfigurationDocsTest::unquote),
                            key.literals())));
        }
        Matcher getter = GETTER.matcher(code);
        while (getter.find()) {
            List<String> arguments = arguments(code, getter.end());
            if (!arguments.isEmpty()) {
                Read key = key(arguments.get(0), constants);
                if (key.key().startsWith("piston.")) {
                    reads.add(key);
                }
            }
        }
        return reads;
    }

    /** A key expression: literals, the file's string constants, and anything else as a placeholder. */
    private static Read key(String expression, Map<String, String> constants) {
        StringBuilder key = new StringBuilder();
        Set<String> literals = new TreeSet<>();
        for (String part : split(expression, '+')) {
            String literal = part.startsWith("\"") ? unquote(part) : constants.get(part);
            if (literal != null) {
                key.append(literal);
                literals.add(literal);
            } else {
                key.append('<')
                        .append(part.matches("[\\w.]+") ? part.replaceAll(".*\\.", "") : "value")
                        .append('>');
            }
        }
        return new Read(key.toString(), Optional.empty(), literals);
    }

    private static Map<String, String> constants(String code) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    /** The arguments of the call or annotation whose opening parenthesis ends at {@code start}. */
    private static List<String> arguments(String code, int start) {
        int depth = 1;
        int at = start;
        while (at < code.length() && depth > 0) {
            char c = code.charAt(at);
            if (c == '"') {
                at = endOfString(code, at);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            at++;
        }
        String inside = code.substring(start, Math.max(start, at - 1));
        return inside.isBlank() ? List.of() : split(inside, ',');
    }

    private static Map<String, String> namedArguments(List<String> arguments) {
        Map<String, String> named = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals > 0 && argument.substring(0, equals).trim().matches("\\w+")) {
                named.put(
                        argument.substring(0, equals).trim(),
                        argument.substring(equals + 1).trim());
            }
        }
        return named;
    }

    /** Splits at a separator outside strings and brackets; each part trimmed. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '"') {
                at = endOfString(text, at) - 1;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(from, at).trim());
                from = at + 1;
            }
        }
        parts.add(text.substring(from).trim());
        return parts;
    }

    /** Java source with its comments blanked out, strings and character literals kept. */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source);
        int at = 0;
        while (at < code.length()) {
            char c = code.charAt(at);
            if (c == '"') {
                at = endOfString(source, at);
            } else if (c == '\'') {
                at = source.indexOf('\'', at + (source.charAt(at + 1) == '\\' ? 3 : 2)) + 1;
            } else if (source.startsWith("//", at) || source.startsWith("/*", at)) {
                int end = source.startsWith("//", at) ? source.indexOf('\n', at) : source.indexOf("*/", at) + 2;
                end = end < at ? source.length() : end;
                for (int blank = at; blank < end; blank++) {
                    code.setCharAt(blank, code.charAt(blank) == '\n' ? '\n' : ' ');
                }
                at = end;
            } else {
                at++;
            }
        }
        return code.toString();
    }

    /** The index after the string literal (or text block) starting at {@code at}. */
    private static int endOfString(String code, int at) {
        if (code.startsWith("\"\"\"", at)) {
            return code.indexOf("\"\"\"", at + 3) + 3;
        }
        int end = at + 1;
        while (end < code.length() && code.charAt(end) != '"') {
            end += code.charAt(end) == '\\' ? 2 : 1;
        }
        return end + 1;
    }

    private static String unquote(String literal) {
        String trimmed = literal.trim();
        return trimmed.substring(1, trimmed.length() - 1);
    }

    private static Set<String> keys(List<Read> reads) {
        return reads.stream().map(Read::key).collect(Collectors.toCollection(TreeSet::new));
    }

    // What the docs say.

    /** Every key in the first column of a table in the configuration page, with its default column. */
    private static Map<String, String> documented() {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = DOCUMENTED_ROW.matcher(read(CONFIGURATION_DOCS));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        return documented;
    }

    /**
     * Whether a documented key is one of the forms of a key the code reads: a placeholder of the read
     * key stands for any text (a placeholder of the documented key included); everything else is equal.
     */
    static boolean covers(String readKey, String documentedKey) {
        StringBuilder pattern = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(readKey);
        int from = 0;
        while (placeholder.find()) {
            pattern.append(Pattern.quote(readKey.substring(from, placeholder.start())))
                    .append(".+");
            from = placeholder.end();
        }
        pattern.append(Pattern.quote(readKey.substring(from)));
        return documentedKey.matches(pattern.toString());
    }

    private static List<String> literals(Pattern pattern, String code) {
        List<String> found = new ArrayList<>();
        Matcher literal = pattern.matcher(code);
        while (literal.find()) {
            found.add(literal.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
