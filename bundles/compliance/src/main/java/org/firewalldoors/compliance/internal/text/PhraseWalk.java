package org.firewalldoors.compliance.internal.text;

import java.util.Arrays;

/**
 * The walks of one scan, all at once: each folded letter advances every walk still in the trie, and starts a new
 * one where a token starts, so the text is read once, letter by letter, as it is folded. The states reached that end
 * a phrase are kept as hits (state, first letter, last letter); whether each is an occurrence (it must end a
 * token, or end in '*') is settled once the token boundaries around it are known. Not thread-safe: one per scan.
 */
final class PhraseWalk {

    private PhraseTrie trie;
    private int[] states = new int[16];
    private int[] froms = new int[16];
    private int walks;
    private int[] hitState = new int[32];
    private int[] hitFrom = new int[32];
    private int[] hitAt = new int[32];
    private int hits;

    PhraseWalk(PhraseTrie trie) {
        this.trie = trie;
    }

    /** A walk for {@link #reset} to set out. */
    PhraseWalk() {
    }

    /** @return this walk, with no walks and no hits, on {@code trie} */
    PhraseWalk reset(PhraseTrie trie) {
        this.trie = trie;
        walks = 0;
        hits = 0;
        return this;
    }

    /** Takes the folded letter {@code at}; {@code tokenStart} when a token starts with it. */
    void step(char c, int at, boolean tokenStart) {
        if (tokenStart) {
            if (walks == states.length) {
                states = Arrays.copyOf(states, walks * 2);
                froms = Arrays.copyOf(froms, walks * 2);
            }
            states[walks] = trie.root();
            froms[walks++] = at;
        }
        int kept = 0;
        for (int w = 0; w < walks; w++) {
            int next = trie.child(states[w], c);
            if (next == PhraseTrie.NONE) {
                continue;
            }
            if ((next & PhraseTrie.ENDS) != 0) {
                hit(next, froms[w], at);
            }
            states[kept] = next;
            froms[kept++] = froms[w];
        }
        walks = kept;
    }

    private void hit(int state, int from, int at) {
        if (hits == hitState.length) {
            hitState = Arrays.copyOf(hitState, hits * 2);
            hitFrom = Arrays.copyOf(hitFrom, hits * 2);
            hitAt = Arrays.copyOf(hitAt, hits * 2);
        }
        hitState[hits] = state;
        hitFrom[hits] = from;
        hitAt[hits++] = at;
    }

    /** @return whether the walk has grown beyond what a thread should keep for its next scan */
    boolean large() {
        return hitState.length > 4096 || states.length > 4096;
    }

    /** @return whether some walk is still in the trie */
    boolean walking() {
        return walks > 0;
    }

    /** @return how many hits there are so far */
    int hits() {
        return hits;
    }

    /** @return the reference of the state of hit {@code h} */
    int state(int h) {
        return hitState[h];
    }

    /** @return the first letter of hit {@code h} (a token start) */
    int from(int h) {
        return hitFrom[h];
    }

    /** @return the last letter of hit {@code h} */
    int at(int h) {
        return hitAt[h];
    }
}
