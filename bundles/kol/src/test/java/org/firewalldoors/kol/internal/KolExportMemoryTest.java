package org.firewalldoors.kol.internal;

import static org.firewalldoors.kol.internal.Fixtures.REP;
import static org.firewalldoors.kol.internal.Fixtures.WITHHELD;
import static org.firewalldoors.kol.internal.Fixtures.crossing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.api.kol.KolExportRequest;
import org.firewalldoors.api.kol.KolExportSummary;
import org.junit.jupiter.api.Test;

/**
 * The export's memory stays flat: 200,000 profiles of about 1 KiB each (some 200 MiB of output) go through the
 * whole export path (the door projection, the NDJSON writer, the hash) in a JVM capped at {@code -Xmx128m}, into
 * a stream that only counts. Had anything kept the profiles or the output, the heap would run out. Surefire runs
 * this class alone in its own JVM with that cap (execution {@code small-heap} in this module's pom); the record
 * store is replaced by a generator, since the host's own streamed read is the host's to test.
 */
class KolExportMemoryTest {

    private static final int PROFILES = 200_000;
    private static final String PADDING = "x".repeat(60);

    /** Counts bytes and lines; keeps nothing. */
    private static final class Counting extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    private static CrmRecord profile(int i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hcpId", "hcp-" + i);
        f.put("name", "Dr. Number " + i);
        f.put("specialty", "Cardiology");
        f.put("institution", "Teaching Hospital " + (i % 500));
        f.put("scientificInterests", List.of("HFpEF phenotyping " + PADDING, "cardio-oncology " + PADDING));
        f.put("dataGaps", List.of("outcomes in patients over 80 " + PADDING));
        f.put("publications", IntStream.range(0, 6).mapToObj(p -> "Journal " + p + " " + PADDING).toList());
        f.put("trialRoles", List.of("Principal investigator " + PADDING));
        f.put("peers", List.of(Map.of("hcpId", "hcp-" + (i + 1), "relation", "co-author")));
        f.put("tier", 2L);
        f.put("tierReasons", List.of("score 20 of 55: tier 2"));
        f.put("mslNotes", "withheld by the door " + PADDING);
        Instant at = Instant.EPOCH.plusSeconds(i);
        return new CrmRecord("KolProfile", "id-" + i, f, "msl.us", "US", 1, at, at);
    }

    @Test
    void twoHundredThousandProfilesStreamThroughASmallHeap() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        assertTrue(max <= 160L << 20, "this test must run with -Xmx128m, but the heap is " + (max >> 20) + " MiB");

        KolExporter exporter = new KolExporter();
        // Stub-only mocks record no invocations: 200,000 remembered calls would fill the heap themselves.
        exporter.records = mock(RecordStore.class, withSettings().stubOnly());
        exporter.decisions = mock(DecisionPoint.class, withSettings().stubOnly());
        exporter.audit = mock(AuditTrail.class, withSettings().stubOnly());
        exporter.users = mock(UserDirectory.class, withSettings().stubOnly());
        when(exporter.users.find(anyString())).thenReturn(Optional.empty());
        when(exporter.records.recordType("KolProfile")).thenReturn(Optional.of(KolRecordType.DESCRIPTOR));
        when(exporter.decisions.moduleEnabled("US", "kol-export")).thenReturn(true);
        Decision door = crossing(WITHHELD);
        when(exporter.decisions.plan(any())).thenCallRealMethod();
        when(exporter.decisions.decide(any())).thenReturn(door);
        doAnswer(inv -> {
            Consumer<CrmRecord> sink = inv.getArgument(4);
            for (int i = 0; i < PROFILES; i++) {
                sink.accept(profile(i));
            }
            return (long) PROFILES;
        }).when(exporter.records).export(any(Caller.class), eq("KolProfile"), anyMap(), any(), any());

        Counting out = new Counting();
        KolExportSummary summary = exporter.export(Caller.java(REP), KolExportRequest.all(), out);

        assertEquals(PROFILES, summary.count());
        assertEquals(PROFILES + 1, out.lines, "one line per profile and the trailer");
        assertTrue(out.bytes > max, "more bytes went out (" + (out.bytes >> 20) + " MiB) than the heap could hold ("
                + (max >> 20) + " MiB)");
        assertEquals(ExportCursors.encode(new org.firewalldoors.api.host.ExportCursor(
                Instant.EPOCH.plusSeconds(PROFILES - 1), "id-" + (PROFILES - 1))), summary.cursor());
    }
}
