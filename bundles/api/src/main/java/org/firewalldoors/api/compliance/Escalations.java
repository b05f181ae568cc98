package org.firewalldoors.api.compliance;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Escalations (G7): matters that go to the region's compliance officers and
 * heads of medical affairs, never to commercial leadership, who cannot see
 * them. Raised by the firewall's own decisions, by boundary concerns (O8) and
 * by modules, for example a missed safety forward of the hand-off (X1).
 */
@ProviderType
public interface Escalations {

    /**
     * Raises an escalation, durably, addressed to the region's compliance
     * officers and heads of medical affairs.
     *
     * @param region      the region whose officers receive it
     * @param kind        what raised it, for example {@code DECISION}, {@code CONCERN} or {@code SAFETY}
     *                    (at most 16 characters)
     * @param rule        the rule or check that raised it, or {@code null}
     * @param requirement the requirement id it enforces, for example {@code X1}, or {@code null}
     * @param actor       the id of the user (or system check) whose action raised it
     * @param description what the recipients are told
     * @param recordType  the record type concerned, or {@code null}
     * @param recordId    the record concerned, or {@code null}
     * @return the id of the new escalation
     */
    String raise(String region, String kind, String rule, String requirement, String actor, String description,
            String recordType, String recordId);
}
