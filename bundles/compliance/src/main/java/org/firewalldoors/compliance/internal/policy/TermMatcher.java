package org.firewalldoors.compliance.internal.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * By the hidden list of a side: the proximity phrases whose first side it is. Sides are shared: a word that
     * starts many proximity phrases ({@code market}) is one hidden list, found once where it occurs.
     */
    private final Map<String, List<Near>> nears;
    private final boolean hidden;
    /** By list name: the phrases and exceptions added to it, in order, to build a matcher of some lists only. */
    private final Map<String, List<Added>> added;
    /** The lists opted into {@link Typos}, to build a matcher of some lists only. */
    private final Set<String> typoLists;
    /** By list, then by the phrase the automaton reports: what a hit of a lemma's or number pattern's anchor is. */
    private final Map<String, Map<String, List<Anchored>>> anchored;
    private final Map<String, Map<String, List<Anchored>>> leetAnchored;
    /** The scans of texts every operation of a type repeats (field names, a field's allowed values); bounded. */
    private final Map<String, Scanned> repeated = new ConcurrentHashMap<>();
    private static final int REPEATED_MAX = 4096;

    private TermMatcher(PhraseAutomaton plain, PhraseAutomaton leet, Set<String> leetLists,
            Map<String, String> leetOriginals, Map<String, List<Near>> nears, boolean hidden,
            Map<String, List<Added>> added, Set<String> typoLists,
            Map<String, Map<String, List<Anchored>>> anchored, Map<String, Map<String, List<Anchored>>> leetAnchored) {
        this.added = added;
        this.typoLists = Set.copyOf(typoLists);
        this.plain = plain;
        this.leet = leet;
        this.leetLists = Set.copyOf(leetLists);
        this.leetOriginals = Map.copyOf(leetOriginals);
        Map<String, List<Near>> byFirst = new HashMap<>();
        nears.forEach((side, all) -> byFirst.put(side, List.copyOf(all)));
        // A HashMap, not Map.copyOf: most hits looked up are of lists that start no proximity phrase, and a miss in
        // an immutable map's open addressing walks its whole cluster comparing strings.
        this.nears = Collections.unmodifiableMap(byFirst);
        this.hidden = hidden;
        this.anchored = copy(anchored);
        this.leetAnchored = copy(leetAnchored);
    }

    private static Map<String, Map<String, List<Anchored>>> copy(Map<String, Map<String, List<Anchored>>> m) {
        Map<String, Map<String, List<Anchored>>> out = new HashMap<>();
        m.forEach((list, byPhrase) -> {
            Map<String, List<Anchored>> inner = new HashMap<>();
            byPhrase.forEach((phrase, all) -> inner.put(phrase, List.copyOf(all)));
            out.put(list, Collections.unmodifiableMap(inner));
        });
        // HashMaps, for the same reason as nears': most hits looked up are no anchor's.
        return Collections.unmodifiableMap(out);
    }

    /**
     * What a hit of an anchor phrase stands for: a lemma (the hit counts if the word's stem is the lemma's), a
     * number pattern (the pattern is matched where the hit starts), a phrase mistyped ({@link Typos}: the hit is
     * that phrase), or the phrase itself when the policy also wrote the anchor's words as a plain phrase.
     */
    private record Anchored(LemmaPhrase lemma, NumberPattern number, String typoOf) {

        /**
         * @param memo where a number pattern's result at a place is kept during one text, since several lists share
         *             a pattern ({@code q# quota*}) and their hits are the same place
         * @return the occurrence {@code hit} stands for, or {@code null}
         */
        PhraseMatch resolve(PhraseMatch hit, String text, Map<NumberPattern, int[]> memo) {
            if (number != null && memo != null) {
                int[] known = memo.get(number);
                if (known == null || known[0] != hit.start()) {
                    PhraseMatch m = number.match(hit, hit.list(), text);
                    known = new int[] { hit.start(), m == null ? -1 : m.start(), m == null ? -1 : m.end() };
                    memo.put(number, known);
                }
                return known[1] < 0 ? null
                        : new PhraseMatch(hit.list(), number.phrase(), known[1], known[2], text.substring(known[1], known[2]));
            }
            if (lemma != null) {
                return lemma.accepts(hit)
                        ? new PhraseMatch(hit.list(), lemma.phrase(), hit.start(), hit.end(), hit.originalText())
                        : null;
            }
            if (number != null) {
                return number.match(hit, hit.list(), text);
            }
            if (typoOf != null) {
                return new PhraseMatch(hit.list(), typoOf, hit.start(), hit.end(), hit.originalText());
            }
            return hit;
        }
    }

    /** A proximity phrase of {@code list} (or of an exception list). */
    private record Near(String list, String phrase, String second, int within, boolean ordered) {
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
            if (typoLists.contains(list)) {
                b.typos(list);
            }
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
        if (!hidden && !anchored.containsKey(list)) {
            // Nothing to pair, cancel or check (lemmas, number patterns): the automaton alone says whether the list is there.
            if (plain.matchesAny(text, Set.of(list))) {
                return true;
            }
            if (!leetspeak) {
                return false;
            }
        }
        String string = text.toString();
        NormalizedText folded = TextNormalizer.normalize(string);
        List<PhraseMatch> found = find(folded);
        for (PhraseMatch m : found) {
            if (m.list().equals(list)) {
                return true;
            }
        }
        if (!leetspeak) {
            return false;
        }
        for (PhraseMatch m : withLeetspeak(string, folded, found)) {
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
        return resolve(plain.find(folded), folded.original(), anchored);
    }

    /**
     * The matches of a text, as written and with leetspeak, both computed at once.
     *
     * @param plain         what {@link #find(NormalizedText)} finds
     * @param withLeetspeak what {@link #withLeetspeak} adds to it
     */
    record Scanned(List<PhraseMatch> plain, List<PhraseMatch> withLeetspeak) {
    }

    /**
     * @param key  what tells the text from any other of the same words (a field name from a value)
     * @param text a text that many operations repeat: a field name or an allowed value declared by the record type
     *             (the caller checks that it is one; an operation's own keys or free text would only fill the cache)
     * @return its matches, scanned once per policy while the cache has room, each time after that
     */
    Scanned repeated(String key, String text) {
        Scanned known = repeated.get(key);
        if (known != null) {
            return known;
        }
        NormalizedText folded = TextNormalizer.normalize(text);
        List<PhraseMatch> found = List.copyOf(find(folded));
        Scanned scanned = new Scanned(found, List.copyOf(withLeetspeak(text, folded, found)));
        if (repeated.size() < REPEATED_MAX) {
            repeated.putIfAbsent(key, scanned);
        }
        return scanned;
    }

    /** @return how many texts {@link #repeated} keeps */
    int repeatedKept() {
        return repeated.size();
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
        List<PhraseMatch> more = resolve(leet.find(Leetspeak.normalize(text, folded)), text, leetAnchored);
        if (more.isEmpty()) {
            return found;
        }
        Set<Span> seen = new HashSet<>();
        found.forEach(m -> seen.add(new Span(m.list(), m.start(), m.end())));
        List<PhraseMatch> all = new ArrayList<>(found);
        for (PhraseMatch m : more) {
            if (seen.add(new Span(m.list(), m.start(), m.end()))) {
                String original = leetOriginals.getOrDefault(m.list() + '\n' + m.phrase(), m.phrase());
                all.add(new PhraseMatch(m.list(), original, m.start(), m.end(), m.originalText()));
            }
        }
        all.sort(PhraseMatch.ORDER);
        return all;
    }

    /**
     * Checks the hits of lemmas and number patterns, pairs the sides of proximity phrases, cancels matches inside
     * exceptions, drops the hidden lists.
     */
    private List<PhraseMatch> resolve(List<PhraseMatch> hits, String text,
            Map<String, Map<String, List<Anchored>>> anchors) {
        List<PhraseMatch> found = anchors.isEmpty() ? hits : checkAnchors(hits, text, anchors);
        if (!hidden || !anyHidden(found)) {
            return found;
        }
        // Most texts hold hidden hits (the sides of proximity phrases and of exceptions are common words such as
        // "from" or "patients") and nothing of a visible list: pair the visible lists' proximity phrases first, and
        // look at exceptions only for the lists that matched.
        List<PhraseMatch> all = new ArrayList<>(found);
        Pairing pairing = new Pairing(text, found);
        pair(found, text, pairing, all, false, null);
        Set<String> visible = null;
        for (PhraseMatch m : all) {
            if (!isHidden(m.list())) {
                if (visible == null) {
                    visible = new HashSet<>();
                }
                visible.add(m.list());
            }
        }
        if (visible == null) {
            return List.of();
        }
        pair(found, text, pairing, all, true, visible);
        // The exceptions found, by the list each cancels in: a match is looked up once, by its list's name (whose hash
        // the string keeps), instead of against every match with a name made for the purpose.
        Map<String, List<PhraseMatch>> exceptionsOf = null;
        for (PhraseMatch e : all) {
            if (e.list().startsWith(EXCEPT)) {
                if (exceptionsOf == null) {
                    exceptionsOf = new HashMap<>();
                }
                exceptionsOf.computeIfAbsent(e.list().substring(EXCEPT.length()), k -> new ArrayList<>(2)).add(e);
            }
        }
        Map<String, Pairing.Covering> cancelling = null;
        if (exceptionsOf != null) {
            cancelling = new HashMap<>();
            for (Map.Entry<String, List<PhraseMatch>> e : exceptionsOf.entrySet()) {
                cancelling.put(e.getKey(), new Pairing.Covering(e.getValue()));
            }
        }
        List<PhraseMatch> kept = new ArrayList<>();
        for (PhraseMatch m : all) {
            Pairing.Covering cancels = cancelling == null ? null : cancelling.get(m.list());
            if (!isHidden(m.list()) && (cancels == null || !cancels.covers(m))) {
                kept.add(m);
            }
        }
        return sortedOnce(kept);
    }

    /**
     * @return {@code matches} sorted by {@link PhraseMatch#ORDER}, each (list, phrase, span) once: repeats (a
     *         proximity phrase paired twice, an anchor standing for the same phrase twice) sort next to each other
     */
    private static List<PhraseMatch> sortedOnce(List<PhraseMatch> matches) {
        matches.sort(PhraseMatch.ORDER);
        int w = 0;
        for (PhraseMatch m : matches) {
            PhraseMatch last = w == 0 ? null : matches.get(w - 1);
            if (last == null || last.start() != m.start() || last.end() != m.end() || !last.list().equals(m.list())
                    || !last.phrase().equals(m.phrase())) {
                matches.set(w++, m);
            }
        }
        matches.subList(w, matches.size()).clear();
        return matches;
    }

    /**
     * Adds to {@code all} the occurrences of the proximity phrases of visible lists ({@code exceptions} false), or of
     * the exceptions of the lists in {@code of}.
     */
    private void pair(List<PhraseMatch> found, String text, Pairing pairing, List<PhraseMatch> all, boolean exceptions,
            Set<String> of) {
        for (PhraseMatch a : found) {
            List<Near> starting = nears.get(a.list());
            if (starting == null) {
                continue;
            }
            for (Near near : starting) {
                if (isHidden(near.list()) != exceptions
                        || exceptions && !of.contains(near.list().substring(EXCEPT.length()))) {
                    continue;
                }
                // Only the second side's matches within reach, found by position (not every match of the text).
                for (PhraseMatch b : pairing.after(a, near.second(), near.within())) {
                    all.add(new PhraseMatch(near.list(), near.phrase(), a.start(), b.end(),
                            text.substring(a.start(), b.end())));
                }
                if (!near.ordered()) {
                    for (PhraseMatch b : pairing.before(a, near.second(), near.within())) {
                        all.add(new PhraseMatch(near.list(), near.phrase(), b.start(), a.end(),
                                text.substring(b.start(), a.end())));
                    }
                }
            }
        }
    }

    /** @return the hits, each hit of an anchor replaced by what it stands for (none, one or several occurrences) */
    private static List<PhraseMatch> checkAnchors(List<PhraseMatch> hits, String text,
            Map<String, Map<String, List<Anchored>>> anchors) {
        List<PhraseMatch> out = null;
        Map<NumberPattern, int[]> memo = null;
        for (int i = 0; i < hits.size(); i++) {
            PhraseMatch hit = hits.get(i);
            Map<String, List<Anchored>> ofList = anchors.get(hit.list());
            List<Anchored> standsFor = ofList == null ? null : ofList.get(hit.phrase());
            if (standsFor == null) {
                if (out != null) {
                    out.add(hit);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(hits.subList(0, i));
            }
            for (Anchored a : standsFor) {
                if (a.number() != null && memo == null) {
                    memo = new java.util.IdentityHashMap<>();
                }
                PhraseMatch m = a.resolve(hit, text, memo);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        if (out == null) {
            return hits;
        }
        return sortedOnce(out);
    }

    private static boolean anyHidden(List<PhraseMatch> found) {
        for (int i = 0; i < found.size(); i++) {
            if (isHidden(found.get(i).list())) {
                return true;
            }
        }
        return false;
    }

    /** A list's span, once. */
    private record Span(String list, int start, int end) {
    }

    private static boolean isHidden(String list) {
        return !list.isEmpty() && list.charAt(0) == HIDDEN;
    }

    private static final String EXCEPT = HIDDEN + "except" + HIDDEN;

    private static String exceptionList(String list) {
        return EXCEPT + list;
    }

    /** A hit of an anchor that the policy also wrote as a plain phrase stands for itself too. */
    private static final Anchored PLAIN = new Anchored(null, null, null);

    /** Collects term lists; not thread-safe. */
    static final class Builder {

        private final PhraseAutomaton.Builder plain = PhraseAutomaton.builder();
        private final PhraseAutomaton.Builder leet = PhraseAutomaton.builder();
        private final Map<String, String> leetOriginals = new HashMap<>();
        private final Set<String> leetLists = new HashSet<>();
        private final Map<String, List<Near>> nears = new HashMap<>();
        private final Set<String> sides = new HashSet<>();
        private final Map<String, List<Added>> added = new HashMap<>();
        private final Map<String, Map<String, List<Anchored>>> anchored = new HashMap<>();
        private final Map<String, Map<String, List<Anchored>>> leetAnchored = new HashMap<>();
        private final Set<String> plainPhrases = new HashSet<>();
        /** Each word's misspellings, made once per compile (see {@link Typos#variants(String, Map)}). */
        private final Map<String, List<String>> typosOfWord = new HashMap<>();
        private final Set<String> typoLists = new HashSet<>();
        /** One instance per pattern, whatever lists name it, so that a text's hit is matched once. */
        private final Map<String, NumberPattern> numbers = new HashMap<>();
        private boolean hidden;

        /**
         * Opts a list (call before adding its phrases) into {@link Typos}: its plain phrases and those of its
         * exceptions are also found with one letter dropped or two swapped in one long word.
         */
        Builder typos(String list) {
            typoLists.add(list);
            typoLists.add(exceptionList(list));
            return this;
        }

        /**
         * Adds a phrase to a list, matched in leetspeak too if {@code leetspeak}: a phrase, a phrase ending in
         * {@code *}, a phrase ending in a lemma ({@code top ~prescriber}, see {@link LemmaPhrase}), a number pattern
         * ({@code top #%}, see {@link NumberPattern}), {@code A ~N B} (A and B within N words of each other, in either
         * order) or {@code A ~>N B} (B after A), whose sides may be any of the others.
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
            boolean typos = typoLists.contains(list);
            if (near == null || !near.matches()) {
                return addPhrase(list, phrase, leetspeak, typos);
            }
            if (NEAR.matcher(near.group(4).strip()).matches()) {
                throw new IllegalArgumentException("Phrase \"" + phrase + "\": one ~N per phrase");
            }
            hidden = true;
            if (leetspeak) {
                leetLists.add(list);
            }
            String first = side(near.group(1), leetspeak, typos);
            String second = side(near.group(4), leetspeak, typos);
            nears.computeIfAbsent(first, k -> new ArrayList<>()).add(new Near(list, phrase, second,
                    Integer.parseInt(near.group(3)), !near.group(2).isEmpty()));
            return this;
        }

        /**
         * @return the hidden list of one side of proximity phrases, its phrase added once however many proximity
         *         phrases share it (with the same leetspeak and typo settings)
         */
        private String side(String phrase, boolean leetspeak, boolean typos) {
            String name = HIDDEN + "side" + HIDDEN + (typos ? 't' : '-') + (leetspeak ? 'l' : '-') + HIDDEN
                    + phrase.strip();
            if (sides.add(name)) {
                addPhrase(name, phrase, leetspeak, typos);
            }
            return name;
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

        private Builder addPhrase(String list, String phrase, boolean leetspeak, boolean typos) {
            if (NumberPattern.isPattern(phrase)) {
                // Digits are the point of a number pattern: never read as leetspeak letters.
                NumberPattern number = numbers.computeIfAbsent(phrase.strip(), NumberPattern::parse);
                for (String anchor : number.anchors()) {
                    anchor(anchored, list, anchor, new Anchored(null, number, null));
                }
                return this;
            }
            if (LemmaPhrase.isLemma(phrase)) {
                LemmaPhrase lemma = LemmaPhrase.parse(phrase, false);
                anchor(anchored, list, lemma.anchor(), new Anchored(lemma, null, null));
                if (leetspeak) {
                    LemmaPhrase read = LemmaPhrase.parse(phrase, true);
                    leet.add(list, read.anchor());
                    leetAnchored.computeIfAbsent(list, k -> new HashMap<>())
                            .computeIfAbsent(read.anchor(), k -> new ArrayList<>()).add(new Anchored(read, null, null));
                    leetLists.add(list);
                }
                return this;
            }
            String stripped = phrase.strip();
            if (stripped.substring(0, stripped.length() - 1).indexOf('*') >= 0) {
                // The automaton would read such a '*' as a separator: "decile* of baseline" would be "decile of baseline".
                throw new IllegalArgumentException("Phrase \"" + phrase + "\": '*' ends a phrase; join words that go on "
                        + "with ~>0 (\"decile* ~>0 of baseline\")");
            }
            plain.add(list, phrase);
            plainPhrases.add(list + '\n' + phrase.strip());
            List<Anchored> same = anchored.getOrDefault(list, Map.of()).get(phrase.strip());
            if (same != null && !same.contains(PLAIN)) {
                same.add(PLAIN);
            }
            if (typos) {
                for (String variant : Typos.variants(phrase, typosOfWord)) {
                    if (!plainPhrases.contains(list + '\n' + variant)) {
                        anchor(anchored, list, variant, new Anchored(null, null, phrase));
                    }
                }
            }
            if (leetspeak) {
                boolean prefix = stripped.endsWith("*");
                String read = Leetspeak.phrase(prefix ? stripped.substring(0, stripped.length() - 1) : stripped)
                        + (prefix ? "*" : "");
                leet.add(list, read);
                leetOriginals.putIfAbsent(list + '\n' + read, phrase);
                leetLists.add(list);
            }
            return this;
        }

        /** Adds an anchor phrase to the automaton and what its hits stand for. */
        private void anchor(Map<String, Map<String, List<Anchored>>> to, String list, String anchor, Anchored a) {
            plain.add(list, anchor);
            List<Anchored> all = to.computeIfAbsent(list, k -> new HashMap<>()).computeIfAbsent(anchor, k -> {
                List<Anchored> fresh = new ArrayList<>();
                if (plainPhrases.contains(list + '\n' + anchor)) {
                    fresh.add(PLAIN);
                }
                return fresh;
            });
            all.add(a);
        }

        TermMatcher build() {
            return new TermMatcher(plain.build(), leetLists.isEmpty() ? null : leet.build(), leetLists, leetOriginals,
                    nears, hidden, Map.copyOf(added), typoLists, anchored, leetAnchored);
        }
    }
}
