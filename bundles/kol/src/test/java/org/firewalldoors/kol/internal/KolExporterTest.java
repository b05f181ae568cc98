package org.firewalldoors.kol.internal;

import static org.firewalldoors.kol.internal.Fixtures.COMPLIANCE;
import static org.firewalldoors.kol.internal.Fixtures.MSL;
import static org.firewalldoors.kol.internal.Fixtures.REP;
import static org.firewalldoors.kol.internal.Fixtures.WITHHELD;
import static org.firewalldoors.kol.internal.Fixtures.crossing;
import static org.firewalldoors.kol.internal.Fixtures.java;
import static org.firewalldoors.kol.internal.Fixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.firewalldoors.api.compliance.AuditEvent;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.ExportCursor;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.Refusal;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.kol.KolExportFormat;
import org.firewalldoors.api.kol.KolExportRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The export's checks, door projection, cursor and audit, with the host and the firewall mocked. */
class KolExporterTest {

    private KolExporter exporter;
    private final List<CrmRecord> stored = new ArrayList<>();
    private final List<ExportCursor> startedAfter = new ArrayList<>();

    @BeforeEach
    void setUp() {
        exporter = new KolExporter();
        exporter.records = mock(RecordStore.class);
        exporter.decisions = mock(DecisionPoint.class);
        exporter.audit = mock(AuditTrail.class);
        exporter.users = mock(UserDirectory.class);
        when(exporter.users.find(anyString())).thenReturn(Optional.empty());
        when(exporter.records.recordType("KolProfile")).thenReturn(Optional.of(KolRecordType.DESCRIPTOR));
        when(exporter.decisions.moduleEnabled("US", "kol-export")).thenReturn(true);
        when(exporter.decisions.plan(any())).thenCallRealMethod();
        when(exporter.decisions.decide(any())).thenAnswer(inv -> door(inv.getArgument(0)));
        doAnswer(inv -> {
            ExportCursor after = inv.getArgument(3);
            startedAfter.add(after);
            Consumer<CrmRecord> sink = inv.getArgument(4);
            long n = 0;
            for (CrmRecord r : stored) {
                if (r.updatedAt().isAfter(after.updatedAt())
                        || r.updatedAt().equals(after.updatedAt()) && r.id().compareTo(after.id()) > 0) {
                    sink.accept(r);
                    n++;
                }
            }
            return n;
        }).when(exporter.records).export(any(Caller.class), eq("KolProfile"), anyMap(), any(), any());
        for (int i = 1; i <= 3; i++) {
            stored.add(stored("r" + i, Instant.parse("2026-11-0" + i + "T00:00:00Z")));
        }
    }

    /** The US door as the decision point answers for the Commercial viewpoint; r2 is kept back entirely. */
    private static Decision door(Operation op) {
        assertEquals(DoorView.VIEWER, op.actor().id(), "the door is asked for Commercial");
        if ("r2".equals(op.recordId())) {
            return Decision.block(new Refusal(RefusalKind.CONCEALED, "us.k1.kol-intelligence.excluded", "K1", "x", null),
                    "us", "1.0.0");
        }
        return crossing(WITHHELD);
    }

    private String export(Caller caller, KolExportRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(caller, request, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private OperationRefusedException refused(Caller caller, KolExportRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> exporter.export(caller, request, out));
        assertEquals(0, out.size(), "a refused export writes nothing");
        return e;
    }

    @Test
    void k1EveryCallerGetsExactlyWhatTheDoorLetsThrough() throws Exception {
        String asRep = export(java(REP), KolExportRequest.all());
        String asMsl = export(java(MSL), KolExportRequest.all());
        String[] lines = asRep.split("\n");
        assertEquals(3, lines.length, "two profiles and the trailer: r2 is kept back by the door");
        for (String field : WITHHELD) {
            assertFalse(asRep.contains("\"" + field + "\""), field);
        }
        assertTrue(lines[0].startsWith("{\"hcpId\":\"hcp-r1\",\"name\":\"Dr. Ada Heart\",\"specialty\""), lines[0]);
        assertTrue(lines[0].contains("\"tier\":") && lines[0].contains("\"tierReasons\":"));
        assertEquals(asRep, asMsl, "Medical Affairs exports exactly what Commercial gets");
    }

    @Test
    void k1TheExportIsAuditedAsOneCrossingWithItsCount() throws Exception {
        export(java(REP), new KolExportRequest("us", Instant.parse("2026-10-01T00:00:00Z"), null, KolExportFormat.CSV));
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(exporter.audit).append(event.capture());
        AuditEvent e = event.getValue();
        assertEquals("CROSSING", e.outcome());
        assertEquals("us.k1.kol-intelligence", e.rule());
        assertEquals("K1", e.requirement());
        assertEquals("us", e.policyId());
        assertEquals("1.0.0", e.policyVersion());
        assertEquals("rep.us", e.actor());
        assertEquals(2L, e.newValues().get("count"));
        assertEquals("CSV", e.newValues().get("format"));
        assertTrue(e.message().endsWith("[JAVA]"), e.message());
    }

    @Test
    void theTrailerCursorResumesAfterTheLastProfileAndSinceIsInclusive() throws Exception {
        String first = export(java(REP), KolExportRequest.all());
        String cursor = first.replaceAll("(?s).*\"cursor\":\"([^\"]+)\".*", "$1");
        assertEquals(new ExportCursor(Instant.parse("2026-11-03T00:00:00Z"), "r3"), ExportCursors.decode(cursor));
        stored.add(stored("r4", Instant.parse("2026-11-04T00:00:00Z")));
        String next = export(java(REP), new KolExportRequest(null, null, cursor, KolExportFormat.NDJSON));
        assertEquals(2, next.split("\n").length, next);
        assertTrue(next.startsWith("{\"hcpId\":\"hcp-r4\""), next);

        String since = export(java(REP), new KolExportRequest(null, Instant.parse("2026-11-03T00:00:00Z"), null,
                KolExportFormat.NDJSON));
        assertTrue(since.startsWith("{\"hcpId\":\"hcp-r3\""), since);
        String empty = export(java(REP), new KolExportRequest(null, null,
                since.replaceAll("(?s).*\"cursor\":\"([^\"]+)\".*", "$1"), KolExportFormat.NDJSON));
        assertTrue(empty.startsWith("{\"trailer\":{\"count\":0"), empty);
        assertTrue(empty.contains(cursorOf(since)), "with nothing new, the cursor stays where it was");
    }

    private static String cursorOf(String export) {
        return export.replaceAll("(?s).*\"cursor\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void onlyMedicalAndCommercialOfTheRegionExport() {
        OperationRefusedException e = refused(java(COMPLIANCE), KolExportRequest.all());
        assertEquals(RefusalKind.FORBIDDEN, e.refusal().kind());
        assertEquals("kol.export.function", e.refusal().ruleId());
        OperationRefusedException other = refused(java(REP), new KolExportRequest("EU", null, null,
                KolExportFormat.NDJSON));
        assertEquals(RefusalKind.FORBIDDEN, other.refusal().kind());
        assertEquals("kol.export.other-region", other.refusal().ruleId());
        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(exporter.audit, org.mockito.Mockito.times(2)).append(events.capture());
        assertTrue(events.getAllValues().stream().allMatch(ev -> "BLOCK".equals(ev.outcome())), "refusals are audited");
        verify(exporter.records, never()).export(any(Caller.class), anyString(), anyMap(), any(), any());
    }

    @Test
    void aDisabledModuleIsA503AndAPolicyWithoutADoorExportsNothing() throws Exception {
        when(exporter.decisions.moduleEnabled("US", "kol-export")).thenReturn(false);
        assertEquals(RefusalKind.MODULE_DISABLED, refused(java(REP), KolExportRequest.all()).refusal().kind());

        when(exporter.decisions.moduleEnabled("US", "kol-export")).thenReturn(true);
        org.mockito.Mockito.doReturn(Decision.block(new Refusal(RefusalKind.CONCEALED,
                "firewall.KolProfile", "K3", "no door", null), "us", "1.0.0")).when(exporter.decisions).decide(any());
        OperationRefusedException noDoor = refused(java(REP), KolExportRequest.all());
        assertEquals(RefusalKind.DENIED, noDoor.refusal().kind());
        assertEquals("kol.export.no-door", noDoor.refusal().ruleId());

        org.mockito.Mockito.doReturn(Decision.block(new Refusal(RefusalKind.POLICY_UNAVAILABLE,
                "compliance.no-policy", "X5", "no policy", null), null, null)).when(exporter.decisions).decide(any());
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, refused(java(REP), KolExportRequest.all()).refusal().kind());
        ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
        verify(exporter.audit, org.mockito.Mockito.times(3)).append(events.capture());
        assertEquals(List.of("kol.export.module-disabled", "kol.export.no-door", "compliance.no-policy"),
                events.getAllValues().stream().map(AuditEvent::rule).toList(), "every refusal is audited");
    }

    @Test
    void aBadCursorIsMalformedInput() {
        assertThrows(InvalidRecordException.class, () -> exporter.export(java(REP),
                new KolExportRequest(null, null, "bogus!", KolExportFormat.NDJSON), new ByteArrayOutputStream()));
        assertThrows(InvalidRecordException.class, () -> KolExporter.region("U S"));
    }

    @Test
    void anExportCutShortIsAuditedWithWhatCrossed() {
        java.io.OutputStream failing = new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 100) {
                    throw new java.io.IOException("client went away");
                }
            }
        };
        for (int i = 5; i < 400; i++) {
            stored.add(stored("s" + i, Instant.parse("2026-11-05T00:00:00Z").plusSeconds(i)));
        }
        assertThrows(java.io.IOException.class, () -> exporter.export(java(REP), KolExportRequest.all(), failing));
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(exporter.audit).append(event.capture());
        assertEquals("CROSSING", event.getValue().outcome());
        assertTrue(event.getValue().message().contains("cut short"), event.getValue().message());
        assertNull(event.getValue().newValues().get("sha256"));
        assertTrue((Long) event.getValue().newValues().get("count") > 0);
        assertEquals(List.of(ExportCursors.BEGINNING), startedAfter);
    }

    @Test
    void aProfileTheDoorKeepsBackDoesNotMoveTheCursor() throws Exception {
        stored.remove(2); // r3: r2, kept back by the door, is now the last profile
        String export = export(java(MSL), KolExportRequest.all());
        assertEquals(new ExportCursor(Instant.parse("2026-11-01T00:00:00Z"), "r1"), ExportCursors.decode(cursorOf(export)),
                "Commercial never sees r2, so Medical Affairs' cursor does not pass it either");
    }

    @Test
    void theDoorIsAskedWithTheRecordsRealOwner() throws Exception {
        when(exporter.users.find("msl.us")).thenReturn(Optional.of(MSL));
        export(java(REP), KolExportRequest.all());
        ArgumentCaptor<Operation> ops = ArgumentCaptor.forClass(Operation.class);
        verify(exporter.decisions, org.mockito.Mockito.atLeast(4)).decide(ops.capture());
        Operation perRecord = ops.getAllValues().get(1);
        assertEquals(MSL, perRecord.related("owner").get(0));
        assertEquals(Map.of(), perRecord.after());
    }
}
