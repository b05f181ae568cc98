package org.firewalldoors.compliance.internal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firewalldoors.compliance.internal.policy.CompiledRule.AttendanceLimit;
import org.firewalldoors.compliance.internal.text.PhraseMatch;

/**
 * The conditions of X8 that need other events: a per-HCP attendance limit over a time window, and a speaker who
 * attends a program on their own topic. They ask the {@link EventHistory} once per condition, for all the HCPs of
 * the event together.
 */
final class EventChecks {

    private EventChecks() {
    }

    /**
     * @return whether some HCP attending this event would attend more than {@code limit.max()} events of its
     *         region and event type within some span of {@code limit.withinDays()} days that includes this one
     */
    static boolean attendanceOver(AttendanceLimit limit, OperationView view, EventHistory history, Instant now,
            List<PhraseMatch> offending) {
        Set<String> hcps = EventFields.hcpIds(view.values.get(EventHistory.ATTENDEES));
        if (hcps.isEmpty()) {
            return false;
        }
        Instant start = EventFields.start(view.values, now);
        Duration window = Duration.ofDays(limit.withinDays());
        Map<String, List<Instant>> others = history.attendances(view.op.region(), EventFields.eventType(view.values),
                hcps, view.op.recordId());
        boolean over = false;
        for (String hcp : hcps) {
            if (mostInOneWindow(start, others.getOrDefault(hcp, List.of()), window) > limit.max()) {
                over = true;
                ElementMatcher.report(hcp, offending);
            }
        }
        return over;
    }

    /** @return the most events, this one included, that fall into one span of the window's length containing it */
    static int mostInOneWindow(Instant start, List<Instant> others, Duration window) {
        List<Instant> near = new ArrayList<>();
        for (Instant t : others) {
            if (!t.isBefore(start.minus(window)) && !t.isAfter(start.plus(window))) {
                near.add(t);
            }
        }
        near.add(start);
        int most = 0;
        for (Instant from : near) {
            if (from.isAfter(start) || from.isBefore(start.minus(window))) {
                continue; // a span that includes this event starts at most one window before it
            }
            Instant to = from.plus(window);
            int count = (int) near.stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).count();
            most = Math.max(most, count);
        }
        return most;
    }

    /** @return whether some HCP attending this event speaks on its topic, at this event or another one */
    static boolean speakerOnOwnTopic(OperationView view, EventHistory history, List<PhraseMatch> offending) {
        Set<String> hcps = EventFields.hcpIds(view.values.get(EventHistory.ATTENDEES));
        String topic = EventFields.topicKey(view.values.get(EventHistory.TOPIC));
        if (hcps.isEmpty() || topic == null) {
            return false;
        }
        Set<String> speakersHere = EventFields.hcpIds(view.values.get(EventHistory.SPEAKERS));
        Set<String> elsewhere = history.speakersOn(view.op.region(), topic, hcps, view.op.recordId());
        boolean found = false;
        for (String hcp : hcps) {
            if (speakersHere.contains(hcp) || elsewhere.contains(hcp)) {
                found = true;
                ElementMatcher.report(hcp, offending);
            }
        }
        return found;
    }
}
