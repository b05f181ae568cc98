package org.firewalldoors.kol.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import org.firewalldoors.api.host.ExportCursor;
import org.firewalldoors.api.host.InvalidRecordException;

/**
 * The opaque cursor of the KOL export: a host {@link ExportCursor} (last update
 * time and id of the last profile handed out), encoded base64url without
 * padding. A consumer passes it back unchanged to get only what changed since.
 */
final class ExportCursors {

    private static final String VERSION = "1";
    private static final Comparator<ExportCursor> ORDER = Comparator.comparing(ExportCursor::updatedAt)
            .thenComparing(ExportCursor::id);

    /** The position before every record. */
    static final ExportCursor BEGINNING = new ExportCursor(Instant.EPOCH, "");

    private ExportCursors() {
    }

    /** @return whether {@code a} comes after {@code b} */
    static boolean isAfter(ExportCursor a, ExportCursor b) {
        return b == null || ORDER.compare(a, b) > 0;
    }

    static String encode(ExportCursor cursor) {
        String plain = VERSION + "|" + cursor.updatedAt() + "|" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRecordException if the text is not a cursor this service issued */
    static ExportCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new InvalidRecordException("'cursor' is not a cursor of this export");
            }
            return new ExportCursor(Instant.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidRecordException("'cursor' is not a cursor of this export");
        }
    }

    /**
     * @return where an export starts: just after the cursor, and not before {@code since} (a profile changed
     *         exactly at {@code since} is included); the later of the two when both are given
     */
    static ExportCursor start(Instant since, String cursor) {
        ExportCursor from = since == null ? BEGINNING : new ExportCursor(since, "");
        if (cursor == null) {
            return from;
        }
        ExportCursor after = decode(cursor);
        return ORDER.compare(after, from) > 0 ? after : from;
    }
}
