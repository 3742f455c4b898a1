package io.pistonee.emitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * Values as Django's {@code Field.value_to_string} turns them into text for its XML serialization,
 * from the shaped value of a field of a given Django type: date-times in UTC as Python's
 * {@code datetime.isoformat()} ({@code 2026-11-01T09:00:00+00:00}, microseconds only when there are
 * some; one without an offset stays naive), times likewise, booleans {@code True}/{@code False},
 * floats as Python's {@code repr}, durations as Django's {@code duration_string}
 * ({@code 1 02:03:04.500000}), {@code JSONField}s as Python's {@code json.dumps}; anything else as its
 * text.
 */
final class DjangoValues {

    private DjangoValues() {}

    static String string(String type, JsonNode value) {
        return switch (type) {
            case "DateTimeField" -> value.isTextual() ? dateTime(value.asText()) : value.asText();
            case "TimeField" -> value.isTextual() ? time(value.asText()) : value.asText();
            case "BooleanField" -> value.isBoolean() ? (value.asBoolean() ? "True" : "False") : value.asText();
            case "FloatField" -> value.isNumber() ? repr(value.doubleValue()) : value.asText();
            case "DurationField" -> duration(value);
            case "JSONField" -> json(value, new StringBuilder()).toString();
            default -> value.asText();
        };
    }

    /** An ISO-8601 date-time as Python writes a datetime read back from a database that keeps UTC. */
    static String dateTime(String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            return isoformat(time.toLocalDateTime()) + "+00:00";
        } catch (DateTimeParseException e) {
            try {
                return isoformat(LocalDateTime.parse(text));
            } catch (DateTimeParseException notLocal) {
                return text;
            }
        }
    }

    private static String isoformat(LocalDateTime time) {
        return time.toLocalDate() + "T" + isoformat(time.toLocalTime());
    }

    static String time(String text) {
        try {
            return isoformat(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** {@code HH:MM:SS}, then {@code .ffffff} when the microseconds are not zero (nanoseconds cut). */
    private static String isoformat(LocalTime time) {
        String seconds = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        return micros == 0 ? seconds : seconds + String.format(".%06d", micros);
    }

    /** Django's {@code duration_string}: {@code [D ]HH:MM:SS[.ffffff]}, negative days as Python keeps them. */
    static String duration(JsonNode value) {
        Duration duration;
        try {
            duration = value.isNumber()
                    ? Duration.of(value.decimalValue().movePointRight(6).longValue(), ChronoUnit.MICROS)
                    : Duration.parse(value.asText());
        } catch (DateTimeParseException | ArithmeticException e) {
            return value.asText();
        }
        long micros = duration.toNanos() / 1000;
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long seconds = rest / 1_000_000;
        String clock = String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return (days == 0 ? "" : days + " ")
                + clock
                + (rest % 1_000_000 == 0 ? "" : String.format(".%06d", rest % 1_000_000));
    }

    /**
     * Python's {@code repr} of a float: the shortest digits that read back, fixed notation between
     * 1e-4 and 1e16 (with at least one decimal), else scientific ({@code 1e+20}, {@code 1.5e-05}).
     */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "")
                + mantissa
                + (exponent < 0 ? "e-" : "e+")
                + String.format("%02d", Math.abs(exponent));
    }

    /** Python's {@code json.dumps} with its defaults: {@code ", "} and {@code ": "}, ASCII only. */
    static StringBuilder json(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            out.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> fields =
                            value.properties().iterator();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                string(field.getKey(), out).append(": ");
                json(field.getValue(), out).append(fields.hasNext() ? ", " : "");
            }
            return out.append('}');
        }
        if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                json(value.get(i), out).append(i + 1 < value.size() ? ", " : "");
            }
            return out.append(']');
        }
        if (value.isTextual()) {
            return string(value.asText(), out);
        }
        if (value.isFloat() || value.isDouble()) {
            return out.append(repr(value.doubleValue()));
        }
        return out.append(value.isNull() ? "null" : value.asText());
    }

    private static StringBuilder string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"');
    }
}
