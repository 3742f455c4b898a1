package io.pistonee.handler.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The little English the framework writes about a resource: one item of {@code posts} is a
 * {@code post}, and "a post", but "an author". Simple rules on the spelling, not a dictionary: a
 * handler whose name they get wrong says its singular with {@code @Handler(singular = ...)}.
 */
public final class Nouns {

    /** Spellings that sound like a consonant although they start with a vowel: "a user", "a one-off". */
    private static final Pattern CONSONANT_SOUND = Pattern.compile("(u[^aeiou][aeiou]|eu|once).*|one(?![a-z]).*");

    /** Beginnings whose "h" is silent: "an hour", "an honest answer". */
    private static final List<String> SILENT_H = List.of("hour", "honest", "honor", "honour", "heir");

    private Nouns() {}

    /**
     * A resource name made singular, its words separated by spaces, by the last word's plural ending:
     * <ul>
     *   <li>{@code -ies} becomes {@code -y}: {@code categories} is {@code category};</li>
     *   <li>{@code -es} goes after {@code ss}, {@code x}, {@code ch} and {@code sh}: {@code boxes} is
     *       {@code box}, {@code addresses} {@code address}, {@code batches} {@code batch};</li>
     *   <li>otherwise a last {@code s} goes: {@code posts} is {@code post}, {@code blog_posts}
     *       {@code blog post}, {@code cases} {@code case}; unless the word ends in {@code ss},
     *       {@code us} or {@code is} ({@code status}, {@code analysis});</li>
     *   <li>anything else is left as it is: {@code export}, {@code people}.</li>
     * </ul>
     */
    public static String singular(String name) {
        String words = words(name);
        int last = words.lastIndexOf(' ') + 1;
        return words.substring(0, last) + singularWord(words.substring(last));
    }

    /** A resource name as words: {@code blog_posts} and {@code blog-posts} are {@code blog posts}. */
    public static String words(String name) {
        return name.replaceAll("[-_]+", " ").strip();
    }

    private static String singularWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() > 4 && lower.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (lower.matches(".+(ss|x|ch|sh)es")) {
            return word.substring(0, word.length() - 2);
        }
        if (lower.length() > 1 && lower.endsWith("s") && !lower.matches(".*(ss|us|is)")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * A noun with its indefinite article, chosen by how the noun likely sounds: "an" before a vowel
     * sound ({@code an author}, {@code an hour}), "a" otherwise ({@code a post}, {@code a user},
     * {@code a one-off}).
     */
    public static String indefinite(String noun) {
        String spoken = noun.strip();
        String lower = spoken.toLowerCase(Locale.ROOT);
        boolean vowel = !lower.isEmpty() && "aeiou".indexOf(lower.charAt(0)) >= 0
                ? !CONSONANT_SOUND.matcher(lower).matches()
                : SILENT_H.stream().anyMatch(lower::startsWith);
        return (vowel ? "an " : "a ") + spoken;
    }
}
