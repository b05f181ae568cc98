package org.firewalldoors.handoff.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The hand-off's configuration, PID {@code org.firewalldoors.handoff}; every setting has a default. */
@ObjectClassDefinition(name = "Firewall with Doors scientific-inquiry hand-off",
        description = "Safety forwards of potential adverse events in scientific inquiries (X1).")
@interface HandoffConfiguration {

    /** The configuration PID shared by the hand-off's components. */
    String PID = "org.firewalldoors.handoff";

    @AttributeDefinition(name = "Safety time zones",
            description = "REGION=Zone/Id pairs: business days of a safety forward are counted in the region's "
                    + "time zone; UTC for a region not listed.")
    String[] safetyTimeZones() default { "US=America/New_York", "EU=Europe/Brussels" };

    @AttributeDefinition(name = "Safety check regions",
            description = "The regions whose pending safety forwards are checked for a missed due time.")
    String[] safetyCheckRegions() default { "US", "EU" };

    @AttributeDefinition(name = "Safety check interval",
            description = "Seconds between two checks for missed safety due times.")
    long safetyCheckIntervalSeconds() default 300;
}
