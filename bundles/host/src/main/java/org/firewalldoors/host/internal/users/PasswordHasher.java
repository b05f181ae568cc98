package org.firewalldoors.host.internal.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2 password hashes, written as
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}.
 */
public final class PasswordHasher {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A stored hash that verifies at the cost of any {@link #hash} (same scheme, iterations, salt and hash
     * lengths) and that no password derives to in practice (all zero bytes): verified against for an unknown
     * user, so that an unknown user takes as long as a wrong password. Written out rather than hashed when the
     * class loads, which cost a PBKDF2 derivation on the host's start path.
     */
    static final String UNMATCHABLE = SCHEME + "$" + ITERATIONS + "$" + "A".repeat(22) + "$" + "A".repeat(43);

    private PasswordHasher() {
    }

    /** @return a new salted hash of the password */
    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** @return whether the password matches the stored hash; false for a hash it cannot read */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** Prints the hash of the password given as argument, for writing a users file by hand. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PasswordHasher <password>");
            System.exit(2);
        }
        System.out.println(hash(args[0].toCharArray()));
    }
}
