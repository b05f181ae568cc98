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

    /** The earliest and latest time a cursor or {@code since} may name: years 1 to 9999, as ISO-8601 writes them. */
    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** @return whether the store and ISO-8601 (four-digit years) can hold the time */
    static boolean inRange(Instant t) {
        return !t.isBefore(FIRST) && !t.isAfter(LAST);
    }

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
            Instant updatedAt = Instant.parse(parts[1]);
            if (!inRange(updatedAt)) {
                throw new InvalidRecordException("'cursor' is not a cursor of this export");
            }
            return new ExportCursor(updatedAt, parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidRecordException("'cursor' is not a cursor of this export");
        }
    }

    /**
     * @throws InvalidRecordException if {@code since} is out of range or the cursor not one this service issued
     * @return where an export starts: just after the cursor, and not before {@code since} (a profile changed
     *         exactly at {@code since} is included); the later of the two when both are given
     */
    static ExportCursor start(Instant since, String cursor) {
        if (since != null && !inRange(since)) {
            throw new InvalidRecordException("'since' must be a time between the years 1 and 9999");
        }
        ExportCursor from = since == null ? BEGINNING : new ExportCursor(since, "");
        if (cursor == null) {
            return from;
        }
        ExportCursor after = decode(cursor);
        return ORDER.compare(after, from) > 0 ? after : from;
    }
}
