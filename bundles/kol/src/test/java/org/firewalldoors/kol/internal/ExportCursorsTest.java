package org.firewalldoors.kol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.firewalldoors.api.host.ExportCursor;
import org.firewalldoors.api.host.InvalidRecordException;
import org.junit.jupiter.api.Test;

class ExportCursorsTest {

    private static final ExportCursor AT = new ExportCursor(Instant.parse("2026-11-20T10:15:30.123456Z"),
            "3f1c9a8e-0000-4000-8000-000000000001");

    @Test
    void aCursorIsOpaqueUrlSafeAndRoundTripsToTheMicrosecond() {
        String encoded = ExportCursors.encode(AT);
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        assertEquals(AT, ExportCursors.decode(encoded));
        ExportCursor odd = new ExportCursor(Instant.EPOCH, "id|with|bars");
        assertEquals(odd, ExportCursors.decode(ExportCursors.encode(odd)));
    }

    @Test
    void aCursorThisServiceDidNotIssueIsRefused() {
        for (String bad : new String[] { "not base64!", "", "MnxzdHVmZg", ExportCursors.encode(AT).substring(3) }) {
            assertThrows(InvalidRecordException.class, () -> ExportCursors.decode(bad), bad);
        }
    }

    @Test
    void theStartIsTheLaterOfSinceAndTheCursor() {
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        assertEquals(ExportCursors.BEGINNING, ExportCursors.start(null, null));
        assertEquals(new ExportCursor(since, ""), ExportCursors.start(since, null), "since is inclusive");
        assertEquals(AT, ExportCursors.start(since, ExportCursors.encode(AT)));
        assertEquals(new ExportCursor(Instant.parse("2026-12-01T00:00:00Z"), ""),
                ExportCursors.start(Instant.parse("2026-12-01T00:00:00Z"), ExportCursors.encode(AT)));
    }
}
