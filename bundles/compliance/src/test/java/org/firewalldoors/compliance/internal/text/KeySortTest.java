package org.firewalldoors.compliance.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multikey quicksort of phrase keys sorts exactly as a comparison sort by the same order does. */
class KeySortTest {

    private static final Comparator<PhraseAutomaton.Entry> ORDER = PhraseAutomaton.Entry.ORDER;

    @Test
    void sortsAsAComparisonSort() {
        Random random = new Random(3);
        String[] alphabet = {"", "a", "b", "ab", "ba", "é", "z", "\uD835\uDC00", "0"};
        for (int round = 0; round < 200; round++) {
            PhraseAutomaton.Entry[] items = new PhraseAutomaton.Entry[random.nextInt(round % 20 == 0 ? 5000 : 60)];
            for (int i = 0; i < items.length; i++) {
                StringBuilder k = new StringBuilder();
                for (int n = random.nextInt(6); n > 0; n--) {
                    k.append(alphabet[random.nextInt(alphabet.length)]);
                }
                items[i] = new PhraseAutomaton.Entry(k.toString(), random.nextInt(3), "p", random.nextBoolean(), 1,
                        random.nextInt(3));
            }
            PhraseAutomaton.Entry[] expected = items.clone();
            Arrays.sort(expected, ORDER);
            KeySort.sort(items, ORDER);
            assertArrayEquals(expected, items);
        }
    }
}
