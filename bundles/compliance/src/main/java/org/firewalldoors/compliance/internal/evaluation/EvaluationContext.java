package org.firewalldoors.compliance.internal.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;

/**
 * Where a corpus text is written, as the operation a user would make with it, and the content rule (requirement)
 * that reads it there. A text is put into its field alone, so that what fires is what the text says.
 */
public enum EvaluationContext {

    /** A rep's scientific inquiry: the HCP's question (H2). */
    INQUIRY_QUESTION("inquiry.question", "H2") {
        @Override
        Operation operation(String text) {
            return create(REP, "ScientificInquiry", Map.of("question", text));
        }
    },
    /** The MSL's step-5 note to the rep on the HCP's interest (H6). */
    INQUIRY_INTEREST_SUMMARY("inquiry.interestSummary", "H6") {
        @Override
        Operation operation(String text) {
            Map<String, Object> before = Map.of("question", "What is the renal dosing?");
            CrmRecord stored = new CrmRecord("ScientificInquiry", "r-1", before, REP.id(), REP.region(), 1, AT, AT);
            return new Operation(Caller.java(MSL), Action.UPDATE, type("ScientificInquiry"), "r-1", stored,
                    Map.of("question", "What is the renal dosing?", "interestSummary", text),
                    List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, REP)), REP.region());
        }
    },
    /** The objective of a medical education event (E4). */
    EVENT_OBJECTIVE("event.objective", "E4") {
        @Override
        Operation operation(String text) {
            return create(MSL, "MedicalEducationEvent", Map.of("objective", text));
        }
    },
    /** A metric of an MSL's incentive plan (F2). */
    INCENTIVE_METRIC("incentive.metric", "F2") {
        @Override
        Operation operation(String text) {
            return create(MSL_DIRECTOR, "IncentivePlan", Map.of("userId", MSL.id(), "metrics", List.of(text)),
                    new RelatedPrincipal("userId", MSL));
        }
    },
    /** A field of a KOL profile (K4). */
    KOL_FIELD("kol.field", "K4") {
        @Override
        Operation operation(String text) {
            return create(MSL, "KolProfile", Map.of("scientificInterests", text));
        }
    },
    /** An agenda item of a meeting an MSL attends (O1). */
    MEETING_AGENDA("meeting.agenda", "O1") {
        @Override
        Operation operation(String text) {
            return create(MSL_DIRECTOR, "Meeting", Map.of("agenda", List.of(Map.of("topic", text)),
                    "attendees", List.of(MSL.id())), new RelatedPrincipal("attendees", MSL));
        }
    },
    /** An MSL's outbound message to an HCP (O4). */
    OUTBOUND_MSL("outbound.msl", "O4") {
        @Override
        Operation operation(String text) {
            return create(MSL, "OutboundMessage", Map.of("body", text));
        }
    },
    /** A rep's outbound message to an HCP (O7). */
    OUTBOUND_REP("outbound.rep", "O7") {
        @Override
        Operation operation(String text) {
            return create(REP, "OutboundMessage", Map.of("body", text));
        }
    };

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    static final Principal REP = new Principal("rep.eval", BusinessFunction.COMMERCIAL, "REP", "EVAL", null);
    static final Principal MSL = new Principal("msl.eval", BusinessFunction.MEDICAL, "MSL", "EVAL", null);
    static final Principal MSL_DIRECTOR = new Principal("msldir.eval", BusinessFunction.MEDICAL, "MSL_DIRECTOR",
            "EVAL", null);

    private final String key;
    private final String requirement;

    EvaluationContext(String key, String requirement) {
        this.key = key;
        this.requirement = requirement;
    }

    /** @return the name a corpus row gives the context, such as {@code inquiry.question} */
    public String key() {
        return key;
    }

    /** @return the requirement whose rules read texts here */
    public String requirement() {
        return requirement;
    }

    /** @return the operation of a user writing {@code text} here */
    abstract Operation operation(String text);

    /** @return the context named {@code key} */
    public static EvaluationContext of(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown context '" + key + "'"));
    }

    /** @return the context whose rules enforce the requirement, if any */
    public static java.util.Optional<EvaluationContext> forRequirement(String requirement) {
        return Arrays.stream(values()).filter(c -> c.requirement.equals(requirement)).findFirst();
    }

    private static RecordTypeDescriptor type(String name) {
        return new RecordTypeDescriptor(name, Map.of(), true, true, Classification.SHARED);
    }

    private static Operation create(Principal actor, String type, Map<String, Object> fields,
            RelatedPrincipal... related) {
        List<RelatedPrincipal> all = new ArrayList<>(List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, actor)));
        all.addAll(List.of(related));
        return new Operation(Caller.java(actor), Action.CREATE, type(type), "r-1", null, fields, all, actor.region());
    }
}
