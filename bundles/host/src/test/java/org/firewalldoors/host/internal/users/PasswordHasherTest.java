package org.firewalldoors.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    /** PBKDF2 is deliberately slow: one hash shared by the tests that only read it. */
    private static String stored;

    @BeforeAll
    static void hashOnce() {
        stored = PasswordHasher.hash(PASSWORD.clone());
    }

    @Test
    void theRightPasswordVerifies() {
        assertTrue(PasswordHasher.verify("correct horse".toCharArray(), stored));
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertFalse(PasswordHasher.verify("correct horsE".toCharArray(), stored));
        assertFalse(PasswordHasher.verify(new char[0], stored));
    }

    @Test
    void theHashNamesSchemeAndIterationsAndDoesNotContainThePassword() {
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("120000", parts[1]);
        assertFalse(stored.contains("correct horse"));
    }

    @Test
    void hashingTheSamePasswordTwiceGivesDifferentSaltedHashes() {
        String second = PasswordHasher.hash(PASSWORD.clone());
        assertNotEquals(stored, second);
        assertNotEquals(stored.split("\\$")[2], second.split("\\$")[2], "the salts must differ");
        assertTrue(PasswordHasher.verify(PASSWORD.clone(), second));
    }

    @Test
    void theHashOfUnknownUsersCostsWhatARealHashCostsAndMatchesNoPassword() {
        String[] real = stored.split("\\$");
        String[] unmatchable = PasswordHasher.UNMATCHABLE.split("\\$");
        assertEquals(real[0], unmatchable[0]);
        assertEquals(real[1], unmatchable[1], "the iterations");
        assertEquals(Base64.getDecoder().decode(real[2]).length, Base64.getDecoder().decode(unmatchable[2]).length,
                "the salt length");
        assertEquals(Base64.getDecoder().decode(real[3]).length, Base64.getDecoder().decode(unmatchable[3]).length,
                "the hash length");
        assertFalse(PasswordHasher.verify(PASSWORD.clone(), PasswordHasher.UNMATCHABLE));
        assertFalse(PasswordHasher.verify(new char[0], PasswordHasher.UNMATCHABLE));
    }

    @Test
    void aHashWithATamperedIterationCountDoesNotVerify() {
        String tampered = stored.replace("$120000$", "$1000$");
        assertNotEquals(stored, tampered);
        assertFalse(PasswordHasher.verify(PASSWORD.clone(), tampered));
    }

    @Test
    void aHashWithATamperedDigestDoesNotVerify() {
        String[] parts = stored.split("\\$");
        char[] digest = parts[3].toCharArray();
        digest[0] = digest[0] == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + new String(digest);
        assertFalse(PasswordHasher.verify(PASSWORD.clone(), tampered));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "correct horse",
        "md5$1000$c2FsdA$aGFzaA",
        "pbkdf2-sha256$1000$c2FsdA",
        "pbkdf2-sha256$1000$c2FsdA$aGFzaA$extra",
        "pbkdf2-sha256$many$c2FsdA$aGFzaA",
        "pbkdf2-sha256$0$c2FsdA$aGFzaA",
        "pbkdf2-sha256$-5$c2FsdA$aGFzaA",
        "pbkdf2-sha256$1000$$aGFzaA",
        "pbkdf2-sha256$1000$not*base64$aGFzaA",
        "pbkdf2-sha256$1000$c2FsdA$not*base64"
    })
    void aMalformedStoredHashIsRefusedWithoutThrowing(String malformed) {
        assertFalse(PasswordHasher.verify(PASSWORD.clone(), malformed));
    }
}
