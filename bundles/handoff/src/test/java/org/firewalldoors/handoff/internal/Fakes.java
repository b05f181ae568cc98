package org.firewalldoors.handoff.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.StaleRecordException;
import org.firewalldoors.api.host.UserDirectory;

/** Demo principals, and a Mockito record store that keeps what it is given in a map. */
final class Fakes {

    static final Principal REP = new Principal("rep.us", BusinessFunction.COMMERCIAL, "REP", "US", "salesdir.us");
    static final Principal REP2 = new Principal("rep2.us", BusinessFunction.COMMERCIAL, "REP", "US", "salesdir.us");
    static final Principal SALESDIR = new Principal("salesdir.us", BusinessFunction.COMMERCIAL, "SALES_DIRECTOR", "US",
            null);
    static final Principal MSL = new Principal("msl.us", BusinessFunction.MEDICAL, "MSL", "US", "msldir.us");
    static final Principal MSL2 = new Principal("msl2.us", BusinessFunction.MEDICAL, "MSL", "US", "msldir.us");
    static final Principal MSLDIR = new Principal("msldir.us", BusinessFunction.MEDICAL, "MSL_DIRECTOR", "US", null);
    static final Principal MEDHEAD = new Principal("medhead.us", BusinessFunction.MEDICAL, "MEDICAL_HEAD", "US", null);
    static final Principal OFFICER = new Principal("compliance.us", BusinessFunction.COMPLIANCE, "COMPLIANCE_OFFICER",
            "US", null);
    static final Principal LEGAL = new Principal("legal.us", BusinessFunction.LEGAL, "LEGAL", "US", null);
    static final List<Principal> US = List.of(REP, REP2, SALESDIR, MSL, MSL2, MSLDIR, MEDHEAD, OFFICER, LEGAL);

    private Fakes() {
    }

    static Caller as(Principal p) {
        return Caller.java(p);
    }

    static UserDirectory users() {
        UserDirectory users = mock(UserDirectory.class);
        lenient().when(users.inRegion("US")).thenReturn(US);
        lenient().when(users.find(anyString())).thenAnswer(
                i -> US.stream().filter(p -> p.id().equals(i.getArgument(0))).findFirst());
        return users;
    }

    /** A record store whose records live in {@code stored}; it checks versions as the host does, nothing else. */
    static RecordStore store(Map<String, CrmRecord> stored) {
        RecordStore records = mock(RecordStore.class);
        lenient().when(records.recordType("ScientificInquiry")).thenReturn(Optional.of(InquiryRecordType.TYPE));
        lenient().when(records.create(any(), eq("ScientificInquiry"), anyMap())).thenAnswer(i -> {
            Caller c = i.getArgument(0);
            Instant now = Instant.now();
            CrmRecord r = new CrmRecord("ScientificInquiry", UUID.randomUUID().toString(), i.getArgument(2),
                    c.principal().id(), c.principal().region(), 1, now, now);
            stored.put(r.id(), r);
            return r;
        });
        lenient().when(records.read(any(), eq("ScientificInquiry"), anyString()))
                .thenAnswer(i -> Optional.ofNullable(stored.get(i.getArgument(2))));
        lenient().when(records.query(any(), eq("ScientificInquiry"), anyMap())).thenAnswer(i -> {
            Map<String, Object> criteria = i.getArgument(2);
            return stored.values().stream().filter(r -> criteria.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(r.field(e.getKey())))).toList();
        });
        lenient().when(records.update(any(), eq("ScientificInquiry"), anyString(), anyMap(), anyLong())).thenAnswer(i -> {
            CrmRecord before = stored.get(i.<String>getArgument(2));
            if (before.version() != i.<Long>getArgument(4)) {
                throw new StaleRecordException("stale");
            }
            Map<String, Object> fields = new LinkedHashMap<>(before.fields());
            fields.putAll(i.getArgument(3));
            CrmRecord after = new CrmRecord(before.type(), before.id(), fields, before.owner(), before.region(),
                    before.version() + 1, before.createdAt(), Instant.now());
            stored.put(after.id(), after);
            return after;
        });
        return records;
    }
}
