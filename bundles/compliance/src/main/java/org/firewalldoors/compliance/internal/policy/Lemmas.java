package org.firewalldoors.compliance.internal.policy;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The lemmas of words (issue 15): the Snowball stemmers (Lucene's {@code org.tartarus.snowball}, embedded in this
 * bundle) for the languages a policy may name. Words are stemmed as {@code TextNormalizer} folds them (lower case,
 * accents stripped), on both sides of a comparison, so a policy word and a word of the text are compared alike.
 */
final class Lemmas {

    /** The language of a lemma that names none. */
    static final String DEFAULT_LANGUAGE = "en";

    private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.of(
            "en", EnglishStemmer::new,
            "de", German2Stemmer::new,
            "fr", FrenchStemmer::new,
            "es", SpanishStemmer::new,
            "it", ItalianStemmer::new,
            "nl", DutchStemmer::new);

    private Lemmas() {
    }

    /** @return the language codes a lemma may name */
    static Set<String> languages() {
        return STEMMERS.keySet();
    }

    /**
     * @param language one of {@link #languages()}
     * @param word     a folded word (lower case letters and digits)
     * @return its Snowball stem
     */
    static String stem(String language, String word) {
        Supplier<SnowballStemmer> stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("no stemmer for language '" + language + "'; known: "
                    + new java.util.TreeSet<>(STEMMERS.keySet()));
        }
        // A stemmer holds the word it works on: one per call (only a phrase's hits are stemmed, never the whole text).
        SnowballStemmer s = stemmer.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }
}
