package org.firewalldoors.kol.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolExportSummary;
import org.firewalldoors.api.kol.KolPeer;
import org.firewalldoors.api.kol.KolProfile;

/**
 * Wires the KOL exporter as Felix SCR wires it (record store, decision point, audit trail, user
 * directory), outside a framework, for the benchmarks; and builds stored profiles with the bundle's
 * own field mapping and tiering. It lives in the bundle's (unexported) package to reach the
 * package-private references that SCR sets; the KOL bundle itself is not changed.
 */
public final class BenchmarkKol {

    private final KolExporter exporter = new KolExporter();

    /** An exporter over the given services. */
    public BenchmarkKol(RecordStore records, DecisionPoint decisions, AuditTrail audit, UserDirectory users) {
        exporter.records = records;
        exporter.decisions = decisions;
        exporter.audit = audit;
        exporter.users = users;
    }

    /** The export of the caller's region as JSON Lines, as {@code KolIntelligence.export} runs it. */
    public KolExportSummary export(Caller caller, OutputStream out) throws IOException {
        return exporter.export(caller, KolExportRequest.all(), out);
    }

    /**
     * Writes a JSON-shaped Java value (String, Number, Boolean, List, Map or null) with a Gson writer: the
     * bundle's own recursion over such values, for a bare Gson writer of the same objects to use too.
     */
    public static void value(JsonWriter json, Object v) throws IOException {
        NdjsonLines.value(json, v);
    }

    /** @return the record type of KOL profiles, as the bundle registers it with the host */
    public static RecordTypeDescriptor recordType() {
        return KolRecordType.DESCRIPTOR;
    }

    /**
     * @return the fields of a stored profile with every member set (about 1 KB as JSON), as the bundle
     *         stores it: its field mapping and its computed tier
     */
    public static Map<String, Object> storedFields(int i) {
        String n = Integer.toString(i);
        KolProfile p = new KolProfile("hcp-" + n, "Dr. Number " + n, i % 3 == 0 ? "Cardiology" : "Oncology",
                "Teaching Hospital " + (i % 500), null,
                List.of("HFpEF phenotyping and imaging endpoints", "cardio-oncology survivorship " + n),
                List.of("outcomes in patients over 80", "adherence after discharge"),
                List.of("NEJM 2024;390:" + n, "Lancet 2023;401:" + (i % 97), "JACC 2025;85:" + (i % 31),
                        "Eur Heart J 2022;43:" + (i % 53)),
                List.of("Principal investigator, TRIAL-" + (i % 40)), List.of("ESC HF guideline 2023"),
                List.of("HFSA board"), List.of(new KolPeer("hcp-" + (i + 1), "co-author"),
                        new KolPeer("hcp-" + (i + 7), "trial co-investigator")),
                false, "Discussed the registry design and the data gap in patients over 80; follow up in Q1.",
                "2026-10-02", 7, "monthly");
        return ProfileFields.of(p, Tiering.of(p));
    }
}
