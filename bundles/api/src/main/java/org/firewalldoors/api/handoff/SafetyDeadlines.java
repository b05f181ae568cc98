package org.firewalldoors.api.handoff;

import java.time.Clock;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The due times of safety forwards (X1): a potential adverse event in an
 * inquiry must be forwarded to pharmacovigilance within one business day of
 * the rep's capture; a missed due time escalates to the region's compliance
 * officer and head of medical affairs (G7). The hand-off module checks
 * periodically by itself.
 */
@ProviderType
public interface SafetyDeadlines {

    /**
     * Escalates, once each, the inquiries of a region whose safety forward is
     * still pending after its due time, as of the clock's time.
     *
     * @return the ids of the inquiries escalated now
     */
    List<String> escalateOverdue(String region, Clock clock);
}
