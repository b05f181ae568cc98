package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firewalldoors.compliance.internal.text.NormalizedText;
import org.firewalldoors.compliance.internal.text.PhraseAutomaton;
import org.firewalldoors.compliance.internal.text.PhraseMatch;
import org.firewalldoors.compliance.internal.text.TextNormalizer;

/**
 * The term lists of a policy, ready to scan: every list in one automaton,
 * and the lists the policy opts into leetspeak also in a second one over
 * text read as {@link Leetspeak}. Immutable and thread-safe.
 *
 * <p>Two kinds of phrase are more than a phrase (issue 15). A proximity phrase {@code increas* ~4 prescri*} is found
 * where both its sides occur, in either order, with at most 4 words between them ({@code ~>4}: the second after
 * the first); its match spans both. An
 * exception of a list (a clinical sense, {@code ldl c target*}) cancels the list's matches that lie inside one of its
 * own. Both sides and the exceptions are phrases of the same automaton, under hidden list names, so a text is still
 * scanned once; pairing and cancelling look only at the matches.
 */
final class TermMatcher {

    /** Hidden list names start with this char, which no list name of a policy has. */
    private static final char HIDDEN = '\u0001';
    private static final Pattern NEAR = Pattern.compile("^(.+?)\\s+~(>?)(\\d{1,2})\\s+(.+)$");

    private final PhraseAutomaton plain;
    private final PhraseAutomaton leet;
    private final Set<String> leetLists;
    private final Map<String, String> leetOriginals;
    /** By the hidden list name of its first side: the proximity phrases. */
    private final Map<String, Near> nears;
    private final boolean hidden;
    /** By list name: the phrases and exceptions added to it, in order, to build a matcher of some lists only. */
    private final Map<String, List<Added>> added;

    private TermMatcher(PhraseAutomaton plain, PhraseAutomaton leet, Set<String> leetLists,
            Map<String, String> leetOriginals, Map<String, Near> nears, boolean hidden,
            Map<String, List<Added>> added) {
        this.added = added;
        this.plain = plain;
        this.leet = leet;
        this.leetLists = Set.copyOf(leetLists);
        this.leetOriginals = Map.copyOf(leetOriginals);
        this.nears = Map.copyOf(nears);
        this.hidden = hidden;
    }

    /** A proximity phrase of {@code list} (or of an exception list). */
    private record Near(String list, String phrase, String first, String second, int within, boolean ordered) {
    }

    /** One call of {@link Builder#add} or {@link Builder#addException}, kept to build {@link #restrictedTo}. */
    private record Added(String phrase, boolean leetspeak, boolean exception) {
    }

    /**
     * @return a matcher of the given lists only (their phrases, proximity phrases, exceptions and leetspeak), which
     *         finds exactly what this one finds of those lists, in a text scanned for nothing else
     */
    TermMatcher restrictedTo(Set<String> lists) {
        Builder b = new Builder();
        for (String list : lists) {
            for (Added a : added.getOrDefault(list, List.of())) {
                if (a.exception()) {
                    b.addException(list, a.phrase(), a.leetspeak());
                } else {
                    b.add(list, a.phrase(), a.leetspeak());
                }
            }
        }
        return b.build();
    }

    /**
     * @return whether a phrase of {@code list} occurs in {@code text}: whether {@link #find(String)} finds one,
     *         folding and walking in one pass, and folding the text apart only when a walk ends a phrase, or the
     *         list is also matched in leetspeak and nothing was found otherwise
     */
    boolean occursIn(CharSequence text, String list) {
        boolean leetspeak = leet != null && leetLists.contains(list);
        if (!hidden) {
            // Nothing to pair or cancel: the automaton alone says whether the list is there.
            if (plain.matchesAny(text, Set.of(list))) {
                return true;
            }
            if (!leetspeak) {
                return false;
            }
        }
        String string = text.toString();
        List<PhraseMatch> found = resolve(plain.find(string), string);
        for (PhraseMatch m : found) {
            if (m.list().equals(list)) {
                return true;
            }
        }
        if (!leetspeak) {
            return false;
        }
        for (PhraseMatch m : withLeetspeak(string, TextNormalizer.normalize(string), found)) {
            if (m.list().equals(list)) {
                return true;
            }
        }
        return false;
    }

    /** @return every occurrence of a phrase of any list in {@code text}, each (list, span) once */
    List<PhraseMatch> find(String text) {
        NormalizedText folded = TextNormalizer.normalize(text);
        return withLeetspeak(text, folded, find(folded));
    }

    /** @return the occurrences in text folded by {@link TextNormalizer} of the phrases of every list as written */
    List<PhraseMatch> find(NormalizedText folded) {
        return resolve(plain.find(folded), folded.original());
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
        List<PhraseMatch> more = resolve(leet.find(Leetspeak.normalize(text, folded)), text);
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

    /** Pairs the sides of proximity phrases, cancels matches inside exceptions, drops the hidden lists. */
    private List<PhraseMatch> resolve(List<PhraseMatch> found, String text) {
        if (!hidden || found.stream().noneMatch(m -> isHidden(m.list()))) {
            return found;
        }
        List<PhraseMatch> all = new ArrayList<>(found);
        for (PhraseMatch a : found) {
            Near near = nears.get(a.list());
            if (near == null) {
                continue;
            }
            for (PhraseMatch b : found) {
                if (b.list().equals(near.second()) && (b.start() >= a.end() || !near.ordered() && a.start() >= b.end())
                        && wordsBetween(text, a, b) <= near.within()) {
                    int start = Math.min(a.start(), b.start());
                    int end = Math.max(a.end(), b.end());
                    all.add(new PhraseMatch(near.list(), near.phrase(), start, end, text.substring(start, end)));
                }
            }
        }
        List<PhraseMatch> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PhraseMatch m : all) {
            if (isHidden(m.list()) || excepted(m, all) || !seen.add(spanKey(m) + '\n' + m.phrase())) {
                continue;
            }
            kept.add(m);
        }
        kept.sort(PhraseMatch.ORDER);
        return kept;
    }

    private static boolean excepted(PhraseMatch m, List<PhraseMatch> all) {
        String exceptions = exceptionList(m.list());
        for (PhraseMatch e : all) {
            if (e.list().equals(exceptions) && e.start() <= m.start() && m.end() <= e.end()) {
                return true;
            }
        }
        return false;
    }

    /** @return how many words lie between two matches that do not overlap */
    private static int wordsBetween(String text, PhraseMatch a, PhraseMatch b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private static boolean isHidden(String list) {
        return !list.isEmpty() && list.charAt(0) == HIDDEN;
    }

    private static String exceptionList(String list) {
        return HIDDEN + "except" + HIDDEN + list;
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
        private final Map<String, Near> nears = new HashMap<>();
        private final Map<String, List<Added>> added = new HashMap<>();
        private boolean hidden;

        /**
         * Adds a phrase to a list, matched in leetspeak too if {@code leetspeak}: a phrase, a phrase ending in
         * {@code *}, {@code A ~N B} (A and B within N words of each other, in either order) or {@code A ~>N B} (B after
         * A).
         *
         * @throws IllegalArgumentException if the phrase (or a side of it) has no letters or digits
         */
        Builder add(String list, String phrase, boolean leetspeak) {
            added.computeIfAbsent(list, k -> new ArrayList<>()).add(new Added(phrase, leetspeak, false));
            return addAny(list, phrase, leetspeak);
        }

        private Builder addAny(String list, String phrase, boolean leetspeak) {
            // Most phrases have no '~': they skip the pattern (a policy may have half a million phrases).
            Matcher near = phrase.indexOf('~') < 0 ? null : NEAR.matcher(phrase.strip());
            if (near == null || !near.matches()) {
                return addPhrase(list, phrase, leetspeak);
            }
            String first = HIDDEN + "near" + HIDDEN + nears.size() + HIDDEN + "a";
            String second = HIDDEN + "near" + HIDDEN + nears.size() + HIDDEN + "b";
            nears.put(first, new Near(list, phrase, first, second, Integer.parseInt(near.group(3)),
                    !near.group(2).isEmpty()));
            hidden = true;
            if (leetspeak) {
                leetLists.add(list);
            }
            addPhrase(first, near.group(1), leetspeak);
            return addPhrase(second, near.group(4), leetspeak);
        }

        /**
         * Adds an exception to a list: a match of the list inside an occurrence of {@code phrase} is not a match
         * (a clinical sense of its words). The phrase may be any kind {@link #add} takes.
         */
        Builder addException(String list, String phrase, boolean leetspeak) {
            added.computeIfAbsent(list, k -> new ArrayList<>()).add(new Added(phrase, leetspeak, true));
            hidden = true;
            return addAny(exceptionList(list), phrase, leetspeak);
        }

        private Builder addPhrase(String list, String phrase, boolean leetspeak) {
            plain.add(list, phrase);
            if (leetspeak) {
                String stripped = phrase.strip();
                boolean prefix = stripped.endsWith("*");
                String read = Leetspeak.phrase(prefix ? stripped.substring(0, stripped.length() - 1) : stripped)
                        + (prefix ? "*" : "");
                leet.add(list, read);
                leetOriginals.putIfAbsent(list + '\n' + read, phrase);
                leetLists.add(list);
            }
            return this;
        }

        TermMatcher build() {
            return new TermMatcher(plain.build(), leetLists.isEmpty() ? null : leet.build(), leetLists, leetOriginals,
                    nears, hidden, Map.copyOf(added));
        }
    }
}
