package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.compliance.internal.text.NormalizedText;
import org.firewalldoors.compliance.internal.text.PhraseAutomaton;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.firewalldoors.compliance.internal.text.TextNormalizer;

/**
 * The term lists of a policy, ready to scan: every list in one automaton,
 * and the lists the policy opts into leetspeak also in a second one over
 * text read as {@link Leetspeak}. Immutable and thread-safe.
 */
final class TermMatcher {

    private final PhraseAutomaton plain;
    private final PhraseAutomaton leet;
    private final Set<String> leetLists;
    private final Map<String, String> leetOriginals;

    private TermMatcher(PhraseAutomaton plain, PhraseAutomaton leet, Set<String> leetLists,
            Map<String, String> leetOriginals) {
        this.plain = plain;
        this.leet = leet;
        this.leetLists = Set.copyOf(leetLists);
        this.leetOriginals = Map.copyOf(leetOriginals);
    }

    /** @return every occurrence of a phrase of any list in {@code text}, each (list, span) once */
    List<PhraseMatch> find(String text) {
        NormalizedText folded = TextNormalizer.normalize(text);
        return withLeetspeak(text, folded, find(folded));
    }

    /** @return the occurrences in text folded by {@link TextNormalizer} of the phrases of every list as written */
    List<PhraseMatch> find(NormalizedText folded) {
        return plain.find(folded);
    }

    /** @return whether {@code list} is matched in leetspeak too */
    boolean leetspeak(String list) {
        return leetLists.contains(list);
    }

    /**
     * @param found what {@link #find(NormalizedText)} found in {@code folded}
     * @return {@code found} and the occurrences in leetspeak of the lists that opt in, each (list, span) once
     */
    List<PhraseMatch> withLeetspeak(String text, NormalizedText folded, List<PhraseMatch> found) {
        if (leet == null) {
            return found;
        }
        List<PhraseMatch> more = leet.find(Leetspeak.normalize(text, folded));
        if (more.isEmpty()) {
            return found;
        }
        Set<String> seen = new HashSet<>();
        found.forEach(m -> seen.add(spanKey(m)));
        List<PhraseMatch> all = new ArrayList<>(found);
        for (PhraseMatch m : more) {
            if (seen.add(spanKey(m))) {
                String original = leetOriginals.getOrDefault(m.list() + '\n' + m.phrase(), m.phrase());
                all.add(new PhraseMatch(m.list(), original, m.start(), m.end(), m.originalText()));
            }
        }
        all.sort(PhraseMatch.ORDER);
        return all;
    }

    private static String spanKey(PhraseMatch m) {
        return m.list() + '\n' + m.start() + '\n' + m.end();
    }

    /** Collects term lists; not thread-safe. */
    static final class Builder {

        private final PhraseAutomaton.Builder plain = PhraseAutomaton.builder();
        private final PhraseAutomaton.Builder leet = PhraseAutomaton.builder();
        private final Map<String, String> leetOriginals = new HashMap<>();
        private final Set<String> leetLists = new HashSet<>();

        /**
         * Adds a phrase to a list, matched in leetspeak too if {@code leetspeak}.
         *
         * @throws IllegalArgumentException if the phrase has no letters or digits
         */
        Builder add(String list, String phrase, boolean leetspeak) {
            plain.add(list, phrase);
            if (leetspeak) {
                String read = Leetspeak.phrase(phrase);
                leet.add(list, read);
                leetOriginals.putIfAbsent(list + '\n' + read, phrase);
                leetLists.add(list);
            }
            return this;
        }

        TermMatcher build() {
            return new TermMatcher(plain.build(), leetLists.isEmpty() ? null : leet.build(), leetLists, leetOriginals);
        }
    }
}
