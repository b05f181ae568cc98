package org.firewalldoors.kol.internal;

import static org.firewalldoors.kol.internal.Fixtures.COMPLIANCE;
import static org.firewalldoors.kol.internal.Fixtures.MSL;
import static org.firewalldoors.kol.internal.Fixtures.REP;
import static org.firewalldoors.kol.internal.Fixtures.java;
import static org.firewalldoors.kol.internal.Fixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.InvalidRecordException;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.kol.KolProfile;
import org.firewalldoors.api.kol.KolProfileRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The KOL service writes through the record store only, with the tier it computed (K2, K4, X7). */
class KolIntelligenceServiceTest {

    private KolIntelligenceService service;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        service = new KolIntelligenceService();
        service.records = mock(RecordStore.class);
        service.audit = mock(AuditTrail.class);
        when(service.records.create(any(), eq("KolProfile"), anyMap())).thenAnswer(inv -> record(inv.getArgument(2)));
        when(service.records.update(any(), eq("KolProfile"), anyString(), anyMap(), anyLong()))
                .thenAnswer(inv -> record(inv.getArgument(3)));
    }

    private static CrmRecord record(Map<String, Object> fields) {
        Map<String, Object> stored = new HashMap<>(fields);
        stored.values().removeIf(java.util.Objects::isNull);
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new CrmRecord("KolProfile", "r-1", stored, "msl.us", "US", 1, now, now);
    }

    @Test
    @SuppressWarnings("unchecked")
    void k4ACreatedProfileCarriesTheTierComputedFromItsScientificCriteria() {
        KolProfileRecord r = service.create(java(MSL), profile("hcp-1"));
        ArgumentCaptor<Map<String, Object>> fields = ArgumentCaptor.forClass(Map.class);
        verify(service.records).create(eq(java(MSL)), eq("KolProfile"), fields.capture());
        assertEquals(Tiering.of(profile("hcp-1")).tier(), fields.getValue().get("tier"));
        assertEquals(Tiering.of(profile("hcp-1")).reasons(), fields.getValue().get("tierReasons"));
        assertFalse(fields.getValue().containsKey("region"), "the region is the record's own, set by the host");
        assertEquals("US", r.profile().region());
        assertEquals(Tiering.of(profile("hcp-1")), r.tier());
        assertEquals("Discussed the registry design", r.profile().mslNotes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUpdateReplacesTheProfileAndComputesTheTierAgain() {
        KolProfile fewer = new KolProfile("hcp-1", "Dr. A", null, null, "US", null, null, List.of("one paper"), null,
                null, null, null, null, null, null, null, null);
        KolProfileRecord r = service.update(java(MSL), "r-1", fewer, 4);
        ArgumentCaptor<Map<String, Object>> changes = ArgumentCaptor.forClass(Map.class);
        verify(service.records).update(eq(java(MSL)), eq("KolProfile"), eq("r-1"), changes.capture(), eq(4L));
        assertTrue(changes.getValue().containsKey("mslNotes") && changes.getValue().get("mslNotes") == null,
                "members left out are removed");
        assertEquals(4, changes.getValue().get("tier"));
        assertNull(r.profile().mslNotes());
        assertEquals(Boolean.FALSE, r.profile().profilingObjection(), "no objection unless stated");
    }

    @Test
    void requiredMembersAndTheAuthorsRegionAreChecked() {
        KolProfile noName = new KolProfile("hcp-1", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThrows(InvalidRecordException.class, () -> service.create(java(MSL), noName));
        KolProfile eu = new KolProfile("hcp-1", "Dr. A", null, null, "EU", null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertTrue(assertThrows(InvalidRecordException.class, () -> service.create(java(MSL), eu)).getMessage()
                .contains("author's region US"));
        verify(service.records, never()).create(any(), anyString(), anyMap());
    }

    @Test
    void k2CommercialWritesGoToThePolicyWhichNamesTheRuleOthersAreForbiddenHere() {
        service.create(java(REP), profile("hcp-1"));
        verify(service.records).create(eq(java(REP)), eq("KolProfile"), anyMap());

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.create(java(COMPLIANCE), profile("hcp-1")));
        assertEquals(RefusalKind.FORBIDDEN, e.refusal().kind());
        assertEquals("K2", e.refusal().requirement());
        verify(service.audit).append(any());
        assertThrows(OperationRefusedException.class, () -> service.delete(java(COMPLIANCE), "r-1"));
        verify(service.records, never()).delete(any(Caller.class), anyString(), anyString());
    }

    @Test
    void readsGoThroughTheStoreAsTheCaller() {
        Map<String, Object> doorFields = new HashMap<>(Map.of("hcpId", "hcp-1", "name", "Dr. A", "tier", 2L,
                "tierReasons", List.of("score 20")));
        when(service.records.read(java(REP), "KolProfile", "r-1")).thenReturn(java.util.Optional.of(record(doorFields)));
        KolProfileRecord r = service.read(java(REP), "r-1").orElseThrow();
        assertEquals(2, r.tier().tier());
        assertNull(r.profile().mslNotes());
        assertFalse(service.read(java(REP), "r-2").isPresent());
    }
}
