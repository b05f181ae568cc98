package org.firewalldoors.compliance.internal.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The narrow question interface through which the rules of X8 look at other events than the one being decided:
 * who attended what when, and who speaks on which topic. It answers from an index the firewall keeps of the
 * medical education events it allowed, so a decision never calls back into the record store.
 *
 * <p>An event is a record of type {@value #RECORD_TYPE} with the fields {@value #ATTENDEES} (HCP ids),
 * {@value #SPEAKERS} (HCP ids, or objects with {@code hcpId}), {@value #TOPIC}, {@value #EVENT_TYPE} and
 * {@value #STARTS_AT} (an ISO-8601 date or instant).
 */
public interface EventHistory {

    /** The record type of medical education events. */
    String RECORD_TYPE = "MedicalEducationEvent";
    /** The field that lists the HCPs attending an event. */
    String ATTENDEES = "hcpAttendees";
    /** The field that lists the speakers of an event. */
    String SPEAKERS = "speakers";
    /** The field that names the topic of an event. */
    String TOPIC = "topic";
    /** The field that names the kind of event, for example {@code SPEAKER_PROGRAM}. */
    String EVENT_TYPE = "eventType";
    /** The field that says when an event starts. */
    String STARTS_AT = "startsAt";

    /** A history that knows no events. */
    EventHistory NONE = new EventHistory() {
        @Override
        public Map<String, List<Instant>> attendances(String region, String eventType, Collection<String> hcpIds,
                String excludedEventId) {
            return Map.of();
        }

        @Override
        public Set<String> speakersOn(String region, String topic, Collection<String> hcpIds,
                String excludedEventId) {
            return Set.of();
        }
    };

    /**
     * @param region          the region of the events
     * @param eventType       their event type ({@code null}: events without one)
     * @param hcpIds          the HCPs asked about
     * @param excludedEventId the event being decided, which does not count
     * @return for each of the HCPs who attend other such events, when those start
     */
    Map<String, List<Instant>> attendances(String region, String eventType, Collection<String> hcpIds,
            String excludedEventId);

    /**
     * @param topic the topic, compared without regard to case and spacing
     * @return those of the HCPs who speak on the topic at another event of the region
     */
    Set<String> speakersOn(String region, String topic, Collection<String> hcpIds, String excludedEventId);
}
