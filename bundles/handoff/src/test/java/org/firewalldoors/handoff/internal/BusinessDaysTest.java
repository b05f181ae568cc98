package org.firewalldoors.handoff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // 2026-11-16 is a Monday.
            "2026-11-16T09:30, 2026-11-17T09:30", // Monday -> Tuesday
            "2026-11-19T17:00, 2026-11-20T17:00", // Thursday -> Friday
            "2026-11-20T16:45, 2026-11-23T16:45", // Friday -> Monday, same time
            "2026-11-21T10:00, 2026-11-23T10:00", // Saturday -> Monday
            "2026-11-22T23:59, 2026-11-23T23:59", // Sunday -> Monday
    })
    void dueOneBusinessDayLaterAtTheSameLocalTime(String capturedLocal, String dueLocal) {
        Instant captured = ZonedDateTime.parse(capturedLocal + ":00-05:00[America/New_York]").toInstant();
        Instant due = BusinessDays.nextBusinessDay(captured, NEW_YORK);
        assertEquals(java.time.LocalDateTime.parse(dueLocal), due.atZone(NEW_YORK).toLocalDateTime());
    }

    @Test
    void theRegionsZoneDecidesWhichDayItIs() {
        // Friday 22:00 in New York is already Saturday in UTC; both are due on Monday, each at its own local time.
        Instant fridayEvening = ZonedDateTime.parse("2026-11-20T22:00:00-05:00[America/New_York]").toInstant();
        assertEquals(ZonedDateTime.parse("2026-11-23T22:00:00-05:00[America/New_York]").toInstant(),
                BusinessDays.nextBusinessDay(fridayEvening, NEW_YORK));
        assertEquals(Instant.parse("2026-11-23T03:00:00Z"), BusinessDays.nextBusinessDay(fridayEvening, ZoneOffset.UTC));
    }

    @Test
    void aDaylightSavingChangeKeepsTheLocalTime() {
        // Clocks go back on Sunday 2026-11-01 in New York: Friday 09:00 EDT is due Monday 09:00 EST, 73 hours later.
        Instant friday = ZonedDateTime.parse("2026-10-30T09:00:00-04:00[America/New_York]").toInstant();
        Instant due = BusinessDays.nextBusinessDay(friday, NEW_YORK);
        assertEquals(ZonedDateTime.parse("2026-11-02T09:00:00-05:00[America/New_York]").toInstant(), due);
    }

    @Test
    void zonesComeFromTheConfigurationWithUtcAsTheFallback() {
        List<String> zones = Settings.list(new String[] { "US=America/New_York, eu = Europe/Brussels ", "XX=Not/AZone" });
        assertEquals(NEW_YORK, BusinessDays.zoneOf("US", zones));
        assertEquals(ZoneId.of("Europe/Brussels"), BusinessDays.zoneOf("EU", zones));
        assertEquals(ZoneOffset.UTC, BusinessDays.zoneOf("XX", zones));
        assertEquals(ZoneOffset.UTC, BusinessDays.zoneOf("JP", zones));
        assertEquals(ZoneOffset.UTC, BusinessDays.zoneOf("US", Settings.list(null)));
    }
}
