package org.firewalldoors.kol.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through and hashes them with SHA-256 until sealed; holds nothing else. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private boolean sealed;

    HashingOutputStream(OutputStream out) {
        super(out);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (!sealed) {
            digest.update((byte) b);
        }
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!sealed) {
            digest.update(b, off, len);
        }
        out.write(b, off, len);
    }

    /** @return the hex SHA-256 of every byte written so far; later bytes pass through unhashed */
    String seal() {
        sealed = true;
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The export's caller owns the stream: closing the writer on top must not close it. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
