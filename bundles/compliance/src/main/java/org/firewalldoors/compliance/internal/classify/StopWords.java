package org.firewalldoors.compliance.internal.classify;

import java.util.Arrays;

/**
 * Function words of English, German and French (issue 15): words that say nothing of whether a text is commercial
 * ("he", "to", "der", "les"). The classifier takes no feature from such a word alone, nor from a pair of two of them,
 * so its findings never quote one. Looked up by the word's hash as {@link NGrams} computes it, without allocating.
 */
final class StopWords {

    private static final String[] WORDS = (
            // English
            "a an the of to in on at for by with from and or but is are was were be been being he she it they we you i "
            + "his her its their our your my me him them us this that these those as not no do does did has have had "
            + "will would can could should may might must shall there here what which who whom whose when where why how "
            + "all any some than then so if also just about into over up out very per vs s t "
            // German
            + "der die das den dem des ein eine einen einem einer eines und oder aber ist sind war waren sein er sie es "
            + "wir ihr ich du mit von zu zum zur im am an auf für bei aus nach vor über unter nicht auch noch nur wie "
            + "was wer wann wo dass ob als um hat haben hatte wird werden kann sich "
            // French
            + "le la les un une des du de d l et ou mais est sont était être il elle ils elles nous vous je tu on son "
            + "sa ses leur leurs notre nos votre vos mon ma mes ce cet cette ces qui que qu quoi dont où quand comment "
            + "pour par avec sans sur sous dans en au aux ne pas très se y à").split(" ");

    /** Open addressing over the words' hashes; 0 marks an empty slot (no word hashes to 0 in practice). */
    private static final int[] TABLE = table();

    private StopWords() {
    }

    private static int[] table() {
        int[] t = new int[1024];
        for (String w : WORDS) {
            int h = NGrams.wordHash(w);
            int slot = h & (t.length - 1);
            while (t[slot] != 0 && t[slot] != h) {
                slot = (slot + 1) & (t.length - 1);
            }
            t[slot] = h;
        }
        return t;
    }

    /** @return whether a word whose {@link NGrams#wordHash} is {@code hash} is a function word */
    static boolean contains(int hash) {
        int slot = hash & (TABLE.length - 1);
        while (TABLE[slot] != 0) {
            if (TABLE[slot] == hash) {
                return true;
            }
            slot = (slot + 1) & (TABLE.length - 1);
        }
        return false;
    }

    /** For tests: the words. */
    static String[] words() {
        return Arrays.copyOf(WORDS, WORDS.length);
    }
}
