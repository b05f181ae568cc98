package org.firewalldoors.api.handoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The scientific-inquiry hand-off (door 2, the article's five-step protocol):
 * a rep logs an HCP's unsolicited clinical question, Medical Affairs reviews,
 * schedules and follows it up independently, and may tell the rep the general
 * nature of the HCP's scientific interest.
 *
 * <p>Every method is one step, enforced alike for every channel (X7): the
 * region must have the {@value #MODULE} module on (else
 * {@link org.firewalldoors.api.host.OperationRefusedException} of kind
 * {@code MODULE_DISABLED}); the record is stored through the host's record
 * store, so each step is decided by the region's compliance policy; every step
 * and every refusal is audited with the policy id and version (H8). Methods
 * throw {@link org.firewalldoors.api.host.InvalidRecordException} for
 * malformed input, {@link org.firewalldoors.api.host.OperationRefusedException}
 * when the caller's role or the policy refuses the step,
 * {@link org.firewalldoors.api.host.RecordNotFoundException} when the inquiry
 * does not exist or the caller may not see it,
 * {@link InquiryStateException} when the step does not fit its status, and
 * {@link org.firewalldoors.api.host.StaleRecordException} when another step
 * changed the inquiry at the same time.
 */
@ProviderType
public interface ScientificInquiries {

    /** The module name that switches the hand-off on in a region's configuration. */
    String MODULE = "handoff";

    /** The record type the host stores inquiries as. */
    String RECORD_TYPE = "ScientificInquiry";

    /**
     * Step 2: a rep logs an HCP's question (H1, H2, H7). The submission holds
     * exactly the fields of the HTTP body: {@code hcpId}, {@code hcpContact}
     * ({@code email} and/or {@code phone}), {@code category}, {@code question},
     * optional {@code product} and {@code preferredContact} ({@code channel},
     * {@code window}), and {@code unsolicited}, which must be {@code true}.
     * Any other field is refused, and so is text that carries prescribing or
     * commercial context. A question that mentions a potential adverse event is
     * accepted, flagged and routed to pharmacovigilance with a due time of one
     * business day (X1). Medical Affairs users of the region are notified (H3).
     *
     * @return the inquiry as the rep may see it
     */
    Inquiry submit(Caller caller, Map<String, Object> submission);

    /**
     * A rep's own submissions (status only), or Medical Affairs' queue of the
     * region; refused for anybody else.
     *
     * @param status only inquiries with this status, or {@code null} for all
     * @return newest first
     */
    List<Inquiry> list(Caller caller, InquiryStatus status);

    /** @return one inquiry as the caller may see it */
    Inquiry get(Caller caller, String id);

    /**
     * Step 3: an MSL takes the inquiry on (H4); the MSL, not the rep, sets the
     * priority and due date.
     *
     * @param priority {@code LOW}, {@code NORMAL} or {@code HIGH}, or {@code null}
     * @param dueDate  when Medical Affairs means to answer, or {@code null}
     */
    Inquiry accept(Caller caller, String id, String priority, LocalDate dueDate);

    /** Step 3: the MSL declines the inquiry as not scientifically relevant (H4). */
    Inquiry decline(Caller caller, String id, String reason);

    /** Step 3: the MSL schedules the follow-up; never visible to Commercial (H4, H5). */
    Inquiry schedule(Caller caller, String id, Instant at);

    /**
     * Step 4: the MSL followed up; the notes are never visible to Commercial
     * (H5). Refused while a safety forward is pending (X1).
     *
     * @param followUpDate a further follow-up the MSL plans, or {@code null}
     */
    Inquiry complete(Caller caller, String id, String notes, LocalDate followUpDate);

    /**
     * Step 5: the MSL tells the submitting rep the general nature of the HCP's
     * scientific interest (H6); a message that signals prescribing intent is
     * refused. The rep sees it on the inquiry and in their inbox.
     */
    Inquiry shareInterest(Caller caller, String id, String summary);

    /**
     * Marks the inquiry's potential adverse event as forwarded to
     * pharmacovigilance (X1); Medical Affairs or Compliance of the region.
     */
    Inquiry safetyForwarded(Caller caller, String id);
}
