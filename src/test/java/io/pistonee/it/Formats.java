package io.pistonee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Real parsers for what the emitters write: SnakeYAML, the JDK's DOM, Jackson's CSV, Python 3's pickle
 * and Django's own deserializer.
 */
public final class Formats {

    private Formats() {}

    /** YAML, loaded safely. */
    public static <T> T yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(options)).load(text);
    }

    /** The root element of an XML document, namespace-aware. */
    public static Element xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + text, e);
        }
    }

    /** The element children of an element. */
    public static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    /** CSV rows, the header first. */
    public static List<List<String>> csv(String text) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(text)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Python 3's {@code pickle.loads} makes of a body, as JSON text. */
    public static String unpickle(byte[] pickle) {
        return python(
                "python3",
                "import json, pickle, sys\nprint(json.dumps(pickle.loads(sys.stdin.buffer.read())))",
                pickle);
    }

    /**
     * What Django's own deserializer ({@code serializers.deserialize("json", body)}) makes of a body in
     * the {@code django} format, saved into an equivalent model and read back: JSON text, a list of
     * {@code {"model", "pk", "fields": {"title", "content", "author", "created_on"}}}. Needs Debian's
     * {@code python3-django}, which the build installs (see {@code src/test/scripts/django.sh}).
     */
    public static String djangoLoad(String body) {
        return djangoLoad(body, "json");
    }

    /** The same for a body in Django's own serialization format {@code format} ({@code json}, {@code xml}). */
    public static String djangoLoad(String body, String format) {
        String script;
        try (var in = Formats.class.getResourceAsStream("/django/deserialize.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return python(djangoPython(), script, body.getBytes(StandardCharsets.UTF_8), format);
    }

    /** The first Python 3 that imports Django: the one on the path, else Debian's own. */
    private static String djangoPython() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                if (new ProcessBuilder(python, "-c", "import django").start().waitFor() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No python3 here imports Django: run 'apt-get install python3-django'"
                + " (the build does, as root, unless -Dit.django.install.skip=true).");
    }

    /** Runs a Python script with a body on its standard input; its standard output. */
    private static String python(String interpreter, String script, byte[] input, String... arguments) {
        try {
            List<String> command = new ArrayList<>(List.of(interpreter, "-c", script));
            command.addAll(List.of(arguments));
            Process python = new ProcessBuilder(command).start();
            python.getOutputStream().write(input);
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(err).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
