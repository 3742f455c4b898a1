package io.pistonee.emitter.internal;

import io.pistonee.emitter.Emitter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the emitter for a request: {@code ?format=X} by name, else the best match for {@code Accept}
 * (RFC 9110: q-values, {@code type/*} and {@code *}{@code /*}, the most specific range deciding a
 * type's quality, ties going to the server's order), else the first emitter (JSON).
 *
 * <pre>{@code
 * new Negotiation(emitters).select(null, "application/yaml;q=0.5, application/json") // json
 * }</pre>
 */
public final class Negotiation {

    /** How many {@code Accept} headers' choices are remembered; clients send a handful. */
    private static final int CHOICES = 256;

    private final List<Emitter> emitters;
    /** Each emitter's name and media types, read once: negotiation runs on every request. */
    private final Map<Emitter, Offer> offers = new IdentityHashMap<>();

    private final Map<String, Optional<Choice>> choices = new ConcurrentHashMap<>();

    /** The emitter of a response and the {@code Content-Type} it carries. */
    public record Choice(Emitter emitter, MediaType type) {}

    /** Emitters are tried in {@code @Priority} order, lowest first; JSON's is 100. */
    public Negotiation(List<Emitter> emitters) {
        List<Emitter> sorted = new ArrayList<>(emitters);
        sorted.sort(Comparator.comparingInt(Negotiation::priority).thenComparing(Emitter::format));
        this.emitters = List.copyOf(sorted);
        this.emitters.forEach(emitter -> offers.put(emitter, Offer.of(emitter)));
    }

    /** The emitters in preference order. */
    public List<Emitter> emitters() {
        return emitters;
    }

    /**
     * The emitter and response type for a {@code format} parameter and an {@code Accept} header (each
     * may be null): the format's first type, or the type the client rates highest
     * ({@link #responseType}). The choice for an {@code Accept} header is remembered (a few hundred
     * headers of reasonable length at most, so clients cannot grow it).
     */
    public Optional<Choice> choose(String format, String accept) {
        if (format != null) {
            return select(format, null)
                    .map(emitter -> new Choice(emitter, offer(emitter).types().get(0)));
        }
        String key = accept == null ? "" : accept;
        Optional<Choice> known = choices.get(key);
        if (known != null) {
            return known;
        }
        Optional<Choice> choice =
                select(null, accept).map(emitter -> new Choice(emitter, responseType(emitter, accept)));
        if (key.length() <= 256 && choices.size() < CHOICES) {
            choices.putIfAbsent(key, choice);
        }
        return choice;
    }

    /** Whether an emitter has this format name (in any case). */
    public boolean knows(String format) {
        return emitters.stream()
                .anyMatch(emitter -> offers.get(emitter).format().equalsIgnoreCase(format));
    }

    /**
     * The text after the last dot of a path's last segment ({@code yaml} for {@code posts/1.yaml}), or
     * {@code null}: a format when an emitter {@linkplain #knows knows} it.
     */
    public static String suffix(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? null : path.substring(dot + 1);
    }

    /** How many choices are remembered. */
    int remembered() {
        return choices.size();
    }

    /** The emitter for a {@code format} parameter and an {@code Accept} header (each may be null). */
    public Optional<Emitter> select(String format, String accept) {
        if (format != null) {
            String name = format.strip();
            return emitters.stream()
                    .filter(e -> offers.get(e).format().equalsIgnoreCase(name))
                    .findFirst();
        }
        if (accept == null || accept.isBlank()) {
            return emitters.stream().findFirst();
        }
        List<Range> ranges = Range.parseAll(accept);
        Emitter best = null;
        double bestQuality = 0;
        for (Emitter emitter : emitters) {
            double quality = quality(emitter, ranges);
            if (quality > bestQuality) {
                best = emitter;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best != null ? best : byProblemType(ranges));
    }

    /**
     * The type a response of an emitter carries for an {@code Accept} header: the emitter's type the
     * client rates highest ({@code text/xml} for {@code Accept: text/xml}), else its first.
     */
    public MediaType responseType(Emitter emitter, String accept) {
        List<MediaType> types = offer(emitter).types();
        if (accept == null || accept.isBlank()) {
            return types.get(0);
        }
        List<Range> ranges = Range.parseAll(accept);
        MediaType best = types.get(0);
        double bestQuality = quality(best, ranges);
        for (MediaType type : types) {
            if (quality(type, ranges) > bestQuality) {
                best = type;
                bestQuality = quality(type, ranges);
            }
        }
        return best;
    }

    private double quality(Emitter emitter, List<Range> ranges) {
        double quality = 0;
        for (MediaType type : offer(emitter).types()) {
            quality = Math.max(quality, quality(type, ranges));
        }
        return quality;
    }

    /**
     * Where no emitter's own type is acceptable, the emitter whose problem type the client rates
     * highest: a client that accepts only {@code application/problem+json} (as generated clients do for
     * an operation whose success has no body, such as a DELETE's 204) is served by the JSON emitter
     * rather than refused with 406.
     */
    private Emitter byProblemType(List<Range> ranges) {
        Emitter best = null;
        double bestQuality = 0;
        for (Emitter emitter : emitters) {
            MediaType problem = offer(emitter).problem();
            double quality = problem == null ? 0 : quality(problem, ranges);
            if (quality > bestQuality) {
                best = emitter;
                bestQuality = quality;
            }
        }
        return best;
    }

    /** The quality of a type: that of the most specific range matching it, 0 if none does. */
    private static double quality(MediaType type, List<Range> ranges) {
        Range match = null;
        for (Range range : ranges) {
            if (range.matches(type) && (match == null || range.specificity() > match.specificity())) {
                match = range;
            }
        }
        return match == null ? 0 : match.quality();
    }

    /** What an emitter offers; read from the emitter itself if it was not given to the constructor. */
    private Offer offer(Emitter emitter) {
        Offer offer = offers.get(emitter);
        return offer != null ? offer : Offer.of(emitter);
    }

    /** An emitter's format name and media types. */
    private record Offer(String format, List<MediaType> types, MediaType problem) {
        static Offer of(Emitter emitter) {
            return new Offer(emitter.format(), List.copyOf(emitter.mediaTypes()), emitter.problemType());
        }
    }

    private static int priority(Emitter emitter) {
        for (Class<?> c = emitter.getClass(); c != null; c = c.getSuperclass()) {
            Priority priority = c.getAnnotation(Priority.class);
            if (priority != null) {
                return priority.value();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** One media range of an {@code Accept} header. */
    record Range(String type, String subtype, double quality) {

        static List<Range> parseAll(String header) {
            List<Range> ranges = new ArrayList<>();
            for (String part : header.split(",")) {
                Range range = parse(part);
                if (range != null) {
                    ranges.add(range);
                }
            }
            return ranges;
        }

        /** A range, or {@code null} when the text is not one (it is then ignored). */
        static Range parse(String text) {
            String[] pieces = text.split(";");
            String[] type = pieces[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
            if (type.length != 2
                    || type[0].isEmpty()
                    || type[1].isEmpty()
                    || ("*".equals(type[0]) && !"*".equals(type[1]))) {
                return null;
            }
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String[] parameter = pieces[i].strip().split("=", 2);
                if (parameter.length == 2 && "q".equalsIgnoreCase(parameter[0].strip())) {
                    try {
                        quality = Double.parseDouble(parameter[1].strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (!(quality >= 0 && quality <= 1)) {
                        return null;
                    }
                }
            }
            return new Range(type[0], type[1], quality);
        }

        boolean matches(MediaType media) {
            return "*".equals(type)
                    || (type.equals(media.getType().toLowerCase(Locale.ROOT))
                            && ("*".equals(subtype)
                                    || subtype.equals(media.getSubtype().toLowerCase(Locale.ROOT))));
        }

        int specificity() {
            return "*".equals(type) ? 0 : "*".equals(subtype) ? 1 : 2;
        }
    }
}
