package org.firewalldoors.benchmarks;

import static org.firewalldoors.benchmarks.Fixtures.COMPLIANCE;
import static org.firewalldoors.benchmarks.Fixtures.MSL;
import static org.firewalldoors.benchmarks.Fixtures.MSL2;
import static org.firewalldoors.benchmarks.Fixtures.MSL_DIR;
import static org.firewalldoors.benchmarks.Fixtures.MSL_UNDER_SALES;
import static org.firewalldoors.benchmarks.Fixtures.REP;
import static org.firewalldoors.benchmarks.Fixtures.REP2;
import static org.firewalldoors.benchmarks.Fixtures.create;
import static org.firewalldoors.benchmarks.Fixtures.on;
import static org.firewalldoors.benchmarks.Fixtures.record;
import static org.firewalldoors.benchmarks.Fixtures.share;
import static org.firewalldoors.benchmarks.Fixtures.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Operation;

/**
 * A realistic mix of operations of a US CRM day, as the reference host describes them to the
 * interceptor: mostly reads of call reports, plans, tasks and KOL profiles, then writes, with the
 * firewall's refusals (concealment, A2, A3, F2, O1, K2) and flags (F1, O4, O7) in proportion.
 */
public final class OperationMix {

    /** One kind of operation and how often it occurs, per 100. */
    public record Sample(String name, int weight, Operation operation) {
    }

    private static final String NOTES = "Discussed the phase III data on progression-free survival with Dr. Alvarez; "
            + "she asked for the subgroup analysis by biomarker status and the dosing in renal impairment. "
            + "Follow-up: send the published poster from ASCO and the medical information letter.";

    private OperationMix() {
    }

    /** @return the kinds of operations of the mix, with their weights */
    public static List<Sample> samples() {
        CrmRecord mslReport = record("CallReport", MSL, Map.of("accountId", "acc-17", "hcpId", "hcp-4",
                "date", "2026-11-18", "channel", "VISIT", "notes", NOTES));
        CrmRecord repReport = record("CallReport", REP, Map.of("accountId", "acc-17", "hcpId", "hcp-4",
                "date", "2026-11-18", "channel", "VISIT", "notes", "Detailed the new indication; samples left."));
        CrmRecord plan = record("AccountPlan", MSL, Map.of("accountId", "acc-17", "tier", 1,
                "medicalObjective", "Understand unmet needs in second-line therapy",
                "commercialObjective", "Secure formulary review in Q1", "mslCallFrequency", 4));
        CrmRecord mslTask = record("Task", MSL, Map.of("subject", "Prepare advisory board slides",
                "assignee", MSL.id(), "dueDate", "2026-12-01"));
        CrmRecord kol = record("KolProfile", MSL, Map.of("name", "Dr. Maria Alvarez", "specialty", "Oncology",
                "dataGaps", List.of("real-world outcomes in elderly patients"), "visitNotes", NOTES));
        CrmRecord account = record("Account", REP, Map.of("name", "St. Mary Oncology Center", "kind", "HOSPITAL",
                "tier", "A"));

        List<Sample> s = new ArrayList<>();
        // Reads: the bulk of a CRM day.
        s.add(new Sample("MSL reads own call report", 14, on(MSL, Action.READ, mslReport)));
        s.add(new Sample("rep reads MSL call report (concealed)", 8, on(REP, Action.READ, mslReport)));
        s.add(new Sample("rep reads own call report", 8, on(REP, Action.READ, repReport)));
        s.add(new Sample("compliance reads MSL call report", 2, on(COMPLIANCE, Action.READ, mslReport)));
        s.add(new Sample("rep reads account plan (medical fields redacted)", 8, on(REP, Action.READ, plan)));
        s.add(new Sample("MSL reads account plan (commercial field redacted)", 6, on(MSL, Action.READ, plan)));
        s.add(new Sample("rep reads MSL task (concealed)", 3, on(REP, Action.READ, mslTask)));
        s.add(new Sample("MSL reads KOL profile", 6, on(MSL, Action.READ, kol)));
        s.add(new Sample("rep reads account", 6, on(REP, Action.READ, account)));
        s.add(new Sample("rep exports MSL call report (concealed)", 2, on(REP, Action.EXPORT, mslReport)));
        // Writes.
        s.add(new Sample("MSL creates call report", 8, create(MSL, "CallReport", Map.of("accountId", "acc-17",
                "hcpId", "hcp-4", "date", "2026-11-20", "channel", "VIDEO", "notes", NOTES))));
        s.add(new Sample("MSL under a sales manager creates call report (F1 flag)", 1, create(MSL_UNDER_SALES,
                "CallReport", Map.of("accountId", "acc-9", "notes", "Journal club on the new guideline."))));
        s.add(new Sample("rep updates commercial objective", 4, update(REP, plan,
                Map.of("commercialObjective", "Secure formulary review in Q2"))));
        s.add(new Sample("rep writes medical objective (A2 block)", 1, update(REP, plan,
                Map.of("medicalObjective", "Push the new indication"))));
        s.add(new Sample("rep sets MSL call frequency (A3 block)", 1, update(REP, plan,
                Map.of("mslCallFrequency", 8))));
        s.add(new Sample("rep assigns task to MSL (A3 block, escalated)", 1, create(REP, "Task",
                Map.of("subject", "Visit Dr. Alvarez before the formulary meeting", "assignee", MSL.id()))));
        s.add(new Sample("rep assigns task to rep", 4, create(REP, "Task",
                Map.of("subject", "Drop off samples", "assignee", REP2.id(), "dueDate", "2026-11-25"))));
        s.add(new Sample("MSL assigns task to MSL", 3, create(MSL, "Task",
                Map.of("subject", "Answer the unsolicited request on dosing", "assignee", MSL2.id()))));
        s.add(new Sample("MSL incentive on sales metrics (F2 block)", 1, create(MSL_DIR, "IncentivePlan",
                Map.of("userId", MSL.id(), "metrics", List.of("Territory TRx growth", "Scientific exchanges")))));
        s.add(new Sample("MSL incentive on activities", 1, create(MSL_DIR, "IncentivePlan",
                Map.of("userId", MSL.id(), "metrics", List.of("Scientific exchanges completed",
                        "Advisory boards supported", "Medical information requests answered")))));
        s.add(new Sample("meeting with MSL on promotional agenda (O1 block)", 1, create(REP, "Meeting",
                Map.of("title", "Q3 planning", "agenda", List.of("Review of Q3 prescribing targets", "Lunch"),
                        "attendees", List.of(REP.id(), MSL.id())))));
        s.add(new Sample("meeting with MSL, evasive agenda (O1 block; Cedar misses it)", 1, create(REP, "Meeting",
                Map.of("title", "Q3 planning", "agenda", List.of("Q3 P-R-E-S-C-R-I-B-I-N-G targets"),
                        "attendees", List.of(REP.id(), MSL.id())))));
        s.add(new Sample("sales meeting on promotional agenda", 2, create(REP, "Meeting",
                Map.of("title", "Q3 planning", "agenda", List.of("Review of Q3 prescribing targets", "Market share"),
                        "attendees", List.of(REP.id(), REP2.id())))));
        s.add(new Sample("MSL message with promotional claim (O4 flag)", 1, create(MSL, "OutboundMessage",
                Map.of("hcpId", "hcp-4", "channel", "EMAIL", "subject", "Follow-up",
                        "body", "As discussed, the data show it is clearly better than the standard of care."))));
        s.add(new Sample("rep message pitching the MSL (O7 flag)", 1, create(REP, "OutboundMessage",
                Map.of("hcpId", "hcp-4", "channel", "EMAIL", "subject", "New indication",
                        "body", "Our drug is best in class, and our MSL will visit you next week to tell you more."))));
        s.add(new Sample("rep sends a plain message", 4, create(REP, "OutboundMessage",
                Map.of("hcpId", "hcp-4", "channel", "EMAIL", "subject", "Samples",
                        "body", "The samples you requested will be delivered on Tuesday."))));
        s.add(new Sample("rep edits KOL profile (K2 block)", 1, update(REP, kol, Map.of("specialty", "Hematology"))));
        // Sharing and deleting.
        s.add(new Sample("MSL shares call report with rep (K3 block)", 1, share(MSL, mslReport, REP)));
        s.add(new Sample("MSL shares call report with MSL", 1, share(MSL, mslReport, MSL2)));
        s.add(new Sample("MSL deletes own task", 1, on(MSL, Action.DELETE, mslTask)));
        return List.copyOf(s);
    }

    /** @return the operations of the mix, each repeated by its weight, in a fixed shuffled order */
    public static Operation[] sequence() {
        List<Operation> all = new ArrayList<>();
        for (Sample s : samples()) {
            for (int i = 0; i < s.weight(); i++) {
                all.add(s.operation());
            }
        }
        Collections.shuffle(all, new Random(20261120));
        return all.toArray(new Operation[0]);
    }
}
