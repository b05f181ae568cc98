package org.firewalldoors.handoff.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The due time of a safety forward (X1): one business day after first
 * awareness, the rep's capture being day 0. Counted in the region's time zone:
 * the next Monday to Friday after the capture's calendar day, at the same local
 * time. So a capture on Friday, Saturday or Sunday is due on Monday, at the
 * time of day it was captured. Public holidays are not known and count as
 * business days, which errs on the early side.
 */
final class BusinessDays {

    private BusinessDays() {
    }

    /** @return one business day after {@code capture}, at the same local time in {@code zone} */
    static Instant nextBusinessDay(Instant capture, ZoneId zone) {
        ZonedDateTime t = capture.atZone(zone);
        do {
            t = t.plusDays(1);
        } while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY);
        return t.toInstant();
    }

    /**
     * @param zones {@code REGION=Zone/Id} pairs, for example {@code US=America/New_York}
     * @return the zone of the region, UTC when it is not listed or not a valid zone
     */
    static ZoneId zoneOf(String region, List<String> zones) {
        for (String entry : zones) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).trim().equalsIgnoreCase(region)) {
                try {
                    return ZoneId.of(entry.substring(eq + 1).trim());
                } catch (DateTimeException e) {
                    return ZoneOffset.UTC;
                }
            }
        }
        return ZoneOffset.UTC;
    }
}
