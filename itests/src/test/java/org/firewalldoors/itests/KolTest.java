package org.firewalldoors.itests;

import static org.firewalldoors.itests.KolApi.DOOR_FIELDS;
import static org.firewalldoors.itests.KolApi.json;
import static org.firewalldoors.itests.KolApi.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.firewalldoors.api.compliance.AuditEntry;
import org.firewalldoors.api.compliance.AuditTrail;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.kol.KolIntelligence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Door 3, KOL intelligence one way (K1 to K4, X3, X7), end to end over HTTP as the demo users. */
class KolTest {

    private static final Set<String> MEDICAL_ONLY = Set.of("mslNotes", "lastVisit", "visitCount", "visitFrequency",
            "profilingObjection");

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService(timeout = 30_000)
    KolIntelligence kolService;
    @InjectService(timeout = 30_000)
    AuditTrail audit;
    @InjectService
    ConfigurationAdmin configAdmin;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private KolApi kol;
    private String run;
    private Instant start;

    @BeforeEach
    void setUp() {
        new ApiClient(runtime, "/api/v1/kols/*");
        kol = new KolApi(new ApiClient(runtime, "/api/v1/kol-intelligence/export"));
        run = UUID.randomUUID().toString().substring(0, 8);
        start = Instant.now();
    }

    private String since() {
        return "?since=" + start;
    }

    @Test
    void k1MslProfilesReachCommercialWithTheDoorFieldsOnly() throws Exception {
        String a = "hcp-" + run + "-a";
        String b = "hcp-" + run + "-b";
        JsonObject created = kol.create("msl.us", profile(a, ""));
        kol.create("msl2.us", profile(b, ""));
        assertEquals(3, created.get("tier").getAsInt(), "2 + 3 + 4 + 2 + 1 = 12 points: tier 3 (K4)");
        assertTrue(created.getAsJsonArray("tierReasons").toString().contains("score 12 of 55"));
        assertTrue(created.has("mslNotes"), "the MSL sees their own notes");

        HttpResponse<String> asRep = kol.api.send("GET", "/kols/" + created.get("id").getAsString(), "rep.us", null);
        assertEquals(200, asRep.statusCode(), asRep.body());
        JsonObject seen = json(asRep.body());
        MEDICAL_ONLY.forEach(f -> assertFalse(seen.has(f), f + " crossed: " + asRep.body()));
        assertEquals("Dr. " + a, seen.get("name").getAsString());
        assertEquals(3, seen.get("tier").getAsInt());

        String callNotes = "CALLREPORT-" + run + " KOL asked about the subgroup analysis";
        assertEquals(201, kol.api.send("POST", "/records/CallReport", "msl.us",
                "{\"hcpId\": \"" + a + "\", \"date\": \"2026-11-01\", \"notes\": \"" + callNotes + "\"}").statusCode());

        KolApi.Export export = KolApi.Export.of(kol.export("rep.us", since(), null));
        List<JsonObject> ours = export.about(Set.of(a, b));
        assertEquals(2, ours.size(), export.body());
        for (JsonObject line : ours) {
            assertTrue(DOOR_FIELDS.containsAll(line.keySet()), line.toString());
            assertEquals(DOOR_FIELDS, line.keySet(), "every door field of a full profile crosses");
        }
        assertFalse(export.body().contains("MSLNOTE") || export.body().contains("VISITFREQ")
                || export.body().contains("CALLREPORT-"), "no MSL notes, visit data or call reports (K3)");
        assertEquals("us", export.trailer().get("policy").getAsString());
        assertEquals("1.0.0", export.trailer().get("policyVersion").getAsString());

        KolApi.Export asMedical = KolApi.Export.of(kol.export("msl.us", since(), null));
        assertEquals(export.body(), asMedical.body(), "Medical Affairs exports exactly what Commercial gets");
    }

    @Test
    void theRegionsProfilesAreListedAsEachCallerMaySeeThem() throws Exception {
        String us = "hcp-" + run + "-list-us";
        String eu = "hcp-" + run + "-list-eu";
        kol.create("msl.us", profile(us, ""));
        kol.create("msl.eu", profile(eu, ""));
        JsonObject asMsl = listed("msl.us", us);
        assertEquals("MSLNOTE discussed the registry design", asMsl.get("mslNotes").getAsString());
        assertEquals(3, asMsl.get("tier").getAsInt());
        JsonObject asRep = listed("rep.us", us);
        MEDICAL_ONLY.forEach(f -> assertFalse(asRep.has(f), f + " crossed in the list: " + asRep));
        assertEquals(3, asRep.get("tier").getAsInt());
        HttpResponse<String> usList = kol.api.send("GET", "/kols", "msl.us", null);
        assertFalse(usList.body().contains(eu), "another region's profile is not listed");
        assertFalse(kol.api.send("GET", "/kols", "rep.us", null).body().contains("MSLNOTE"));
        listed("msl.eu", eu);
        assertFalse(kol.api.send("GET", "/kols", "msl.eu", null).body().contains(us));
        assertEquals(401, kol.api.send("GET", "/kols", null, null).statusCode());
    }

    /** @return the profile of {@code hcpId} in the list {@code user} gets */
    private JsonObject listed(String user, String hcpId) throws Exception {
        HttpResponse<String> r = kol.api.send("GET", "/kols", user, null);
        assertEquals(200, r.statusCode(), r.body());
        for (var e : JsonParser.parseString(r.body()).getAsJsonArray()) {
            if (hcpId.equals(e.getAsJsonObject().get("hcpId").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(hcpId + " is not in the list of " + user + ": " + r.body());
    }

    @Test
    void k3AVisitPatternInExportableTextDoesNotLeak() throws Exception {
        String hcp = "hcp-" + run + "-visits";
        JsonObject created = kol.create("msl.us", profile(hcp, "").replace("[\"HFpEF phenotyping\"]",
                "[\"HFpEF phenotyping\", \"Visited her 3 times a month since May\"]"));
        String id = created.get("id").getAsString();
        KolApi.Export export = KolApi.Export.of(kol.export("rep.us", since(), null));
        JsonObject line = export.about(Set.of(hcp)).get(0);
        assertFalse(line.has("scientificInterests"), "the field is withheld: " + line);
        assertTrue(line.has("dataGaps") && line.has("peers"), "the rest of the profile still crosses");
        assertFalse(export.body().contains("3 times a month"));
        assertFalse(kol.api.send("GET", "/kols/" + id, "rep.us", null).body().contains("times a month"));
        assertFalse(kol.api.send("GET", "/records/KolProfile/" + id, "rep.us", null).body().contains("times a month"),
                "nor through the host's generic resources (X7)");
        assertTrue(kol.api.send("GET", "/kols/" + id, "msl.us", null).body().contains("times a month"));
        assertTrue(audit.list(start, 10_000).stream().anyMatch(e -> "REDACT".equals(e.event().outcome())
                && id.equals(e.event().recordId()) && "us.k1.kol-intelligence".equals(e.event().rule())));
    }

    @Test
    void k2CommercialCannotCreateEditOrDeleteAProfile() throws Exception {
        String hcp = "hcp-" + run + "-k2";
        HttpResponse<String> post = kol.api.send("POST", "/kols", "rep.us", profile(hcp, ""));
        assertDenied(post, "us.k2.commercial-writes-kol-profile", "K2");
        String id = kol.create("msl.us", profile(hcp, "")).get("id").getAsString();
        assertDenied(kol.api.send("PUT", "/kols/" + id, "rep.us", profile(hcp, "").replace("Dr. ", "Prof. ")),
                "us.k2.commercial-writes-kol-profile", "K2");
        assertDenied(kol.api.send("DELETE", "/kols/" + id, "vpcomm.us", null), "us.k2.commercial-writes-kol-profile",
                "K2");
        assertDenied(kol.api.send("PUT", "/records/KolProfile/" + id, "rep.us", "{\"name\": \"x\"}"),
                "us.k2.commercial-writes-kol-profile", "K2");
        JsonObject unchanged = json(kol.api.send("GET", "/kols/" + id, "msl.us", null).body());
        assertEquals(1, unchanged.get("version").getAsInt());
        assertEquals("Dr. " + hcp, unchanged.get("name").getAsString());
        assertEquals(403, kol.api.send("POST", "/kols", "compliance.us", profile(hcp, "")).statusCode());
        assertTrue(audit.list(start, 10_000).stream().anyMatch(e -> "BLOCK".equals(e.event().outcome())
                && "rep.us".equals(e.event().actor()) && "us.k2.commercial-writes-kol-profile".equals(e.event().rule())),
                "the attempt is audited");
        String replacement = profile(hcp, "").replace("Dr. ", "Prof. ")
                .replace("\"mslNotes\": \"MSLNOTE discussed the registry design\", ", "");
        HttpResponse<String> update = kol.api.send("PUT", "/kols/" + id, "msl2.us",
                replacement.substring(0, replacement.lastIndexOf('}')) + ", \"version\": 1}");
        assertEquals(200, update.statusCode(), update.body());
        assertFalse(json(update.body()).has("mslNotes"), "a PUT replaces the profile");
    }

    @Test
    void k2CommercialCannotPushTargetListsOrVisitRequestsToMedical() throws Exception {
        HttpResponse<String> meeting = kol.api.send("POST", "/records/Meeting", "rep.us", """
                {"title": "KOL sync %s", "attendees": ["rep.us", "msl.us"],
                 "agenda": ["Target list: please visit Dr. Heart and Dr. Lung"]}""".formatted(run));
        assertDenied(meeting, "us.k2.commercial-directs-msl-visits", "K2");
        HttpResponse<String> own = kol.api.send("POST", "/records/Meeting", "rep.us",
                "{\"title\": \"Top prescribers " + run + "\", \"attendees\": [\"rep.us\"]}");
        assertEquals(201, own.statusCode(), own.body());
        String id = json(own.body()).get("id").getAsString();
        assertDenied(kol.api.send("POST", "/records/Meeting/" + id + "/share", "rep.us", "{\"recipient\": \"msl.us\"}"),
                "us.k2.commercial-directs-msl-visits", "K2");
        HttpResponse<String> escalations = kol.api.send("GET", "/escalations", "compliance.us", null);
        assertTrue(escalations.body().contains("us.k2.commercial-directs-msl-visits"), escalations.body());
        assertEquals(403, kol.api.send("GET", "/escalations", "vpcomm.us", null).statusCode());
    }

    @Test
    void k4ProfilesCarryNoPrescribingData() throws Exception {
        String hcp = "hcp-" + run + "-k4";
        HttpResponse<String> field = kol.api.send("POST", "/kols", "msl.us", profile(hcp, ", \"decile\": 9"));
        assertEquals(400, field.statusCode());
        assertTrue(field.body().contains("\"code\":\"MALFORMED\"") && field.body().contains("K4"), field.body());
        assertEquals(400, kol.api.send("POST", "/kols", "msl.us", profile(hcp, ", \"tier\": 1")).statusCode());
        HttpResponse<String> text = kol.api.send("POST", "/kols", "msl.us",
                profile(hcp, "").replace("Lancet 2023;401:2", "Top-Decile prescriber, 400 TRx a month"));
        assertEquals(422, text.statusCode(), text.body());
        assertTrue(text.body().contains("us.k4.prescribing-context-in-kol-profile"), text.body());
        assertTrue(text.body().contains("\"requirement\":\"K4\""), text.body());
        HttpResponse<String> generic = kol.api.send("POST", "/records/KolProfile", "msl.us",
                "{\"hcpId\": \"" + hcp + "\", \"name\": \"x\", \"trx\": 400}");
        assertEquals(400, generic.statusCode(), "the record type takes no extra fields on any path: " + generic.body());
        assertFalse(KolApi.Export.of(kol.export("msl.us", since(), null)).hcpIds().contains(hcp), "nothing was stored");

        HttpResponse<String> eu = kol.api.send("POST", "/kols", "msl.eu",
                profile(hcp + "-eu", "").replace("Lancet 2023;401:2", "Vielverordner, Top-Decile"));
        assertEquals(422, eu.statusCode(), eu.body());
        assertTrue(eu.body().contains("eu.k4.prescribing-data-in-kol-profile"), eu.body());
        // Scientific words that commercial talk also uses are not prescribing data.
        JsonObject scientific = kol.create("msl.us", profile(hcp + "-science", "").replace("Lancet 2023;401:2",
                "Switching from warfarin to apixaban: registry outcomes\", \"Novel targets in HFpEF"));
        assertEquals(3, scientific.getAsJsonArray("publications").size());
    }

    @Test
    void sinceAndTheCursorResumeWithoutLossOrDuplicates() throws Exception {
        String a = "hcp-" + run + "-1";
        String b = "hcp-" + run + "-2";
        String c = "hcp-" + run + "-3";
        String idA = kol.create("msl.us", profile(a, "")).get("id").getAsString();
        kol.create("msl.us", profile(b, ""));
        KolApi.Export first = KolApi.Export.of(kol.export("rep.us", since(), null));
        assertEquals(List.of(a, b), first.about(Set.of(a, b, c)).stream().map(l -> l.get("hcpId").getAsString()).toList());

        Instant between = Instant.now();
        kol.create("msl.us", profile(c, ""));
        // A change Commercial can see (the specialty crosses the door) ...
        assertEquals(200, kol.api.send("PUT", "/kols/" + idA, "msl.us",
                profile(a, "").replace("\"Cardiology\"", "\"Heart failure\"")).statusCode());
        String cursor = URLEncoder.encode(first.cursor(), StandardCharsets.UTF_8);
        KolApi.Export next = KolApi.Export.of(kol.export("rep.us", "?cursor=" + cursor, null));
        // ... in creation order, which no edit moves (K3: the order tells nothing of when an MSL edited).
        assertEquals(List.of(a, c), next.lines().stream().map(l -> l.get("hcpId").getAsString()).toList(),
                "only what changed since, in creation order: the updated profile, then the new one");
        KolApi.Export none = KolApi.Export.of(kol.export("rep.us", "?cursor=" + next.cursor(), null));
        assertEquals(0, none.lines().size(), none.body());
        assertEquals(next.cursor(), none.cursor(), "with nothing new the cursor stays");

        KolApi.Export sinceBetween = KolApi.Export.of(kol.export("rep.us", "?since=" + between, null));
        assertEquals(Set.of(a, c), sinceBetween.about(Set.of(a, b, c)).stream().map(l -> l.get("hcpId").getAsString())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(400, kol.export("rep.us", "?cursor=not-a-cursor", null).statusCode());
        assertEquals(400, kol.export("rep.us", "?since=yesterday", null).statusCode());
        assertEquals(400, kol.export("rep.us", "?regoin=US", null).statusCode());
    }

    @Test
    void csvOnAcceptTextCsvWithTheSameTrailer() throws Exception {
        String hcp = "hcp-" + run + "-csv";
        kol.create("msl.us", profile(hcp, ""));
        HttpResponse<String> r = kol.export("salesdir.us", since(), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] rows = r.body().split("\r\n");
        assertEquals("hcpId,name,specialty,institution,region,scientificInterests,dataGaps,publications,trialRoles,"
                + "guidelineRoles,societyRoles,peers,tier,tierReasons", rows[0]);
        assertTrue(rows[1].startsWith(hcp + ",Dr. " + hcp + ",Cardiology,St. Elsewhere,US,"), rows[1]);
        String trailer = rows[rows.length - 1];
        assertTrue(trailer.startsWith("#trailer,count=1,policy=us,policyVersion=1.0.0,sha256="), trailer);
        String hashed = r.body().substring(0, r.body().indexOf("#trailer"));
        assertTrue(trailer.contains("sha256=" + KolApi.sha256(hashed)), trailer);
        assertFalse(r.body().contains("MSLNOTE"));
    }

    @Test
    void onlyMedicalAndCommercialOfTheRegionExport() throws Exception {
        assertEquals(403, kol.export("compliance.us", "", null).statusCode());
        assertEquals(403, kol.export("legal.us", "", null).statusCode());
        assertEquals(403, kol.export("admin", "", null).statusCode());
        HttpResponse<String> otherRegion = kol.export("rep.us", "?region=EU", null);
        assertEquals(403, otherRegion.statusCode());
        assertTrue(otherRegion.body().contains("kol.export.other-region"), otherRegion.body());
        assertEquals(401, kol.api.send("GET", "/kol-intelligence/export", null, null).statusCode());
        assertEquals(200, kol.export("vpcomm.us", "?region=us&since=" + Instant.now(), null).statusCode());
    }

    @Test
    void k1EachExportIsOneAuditedCrossingWithItsCount() throws Exception {
        kol.create("msl.us", profile("hcp-" + run + "-audit", ""));
        KolApi.Export export = KolApi.Export.of(kol.export("rep2.us", since(), null));
        List<AuditEntry> crossings = audit.list(start, 10_000).stream()
                .filter(e -> "rep2.us".equals(e.event().actor()) && "CROSSING".equals(e.event().outcome())
                        && e.event().recordId() == null)
                .toList();
        assertEquals(1, crossings.size(), crossings.toString());
        var e = crossings.get(0).event();
        assertEquals("us.k1.kol-intelligence", e.rule());
        assertEquals("K1", e.requirement());
        assertEquals("us", e.policyId());
        assertEquals("1.0.0", e.policyVersion());
        assertEquals((long) export.lines().size(), ((Number) e.newValues().get("count")).longValue());
        assertTrue(e.message().endsWith("[HTTP]"), e.message());
    }

    @Test
    void aRegionWithoutTheModuleAnswers503() throws Exception {
        Configuration region = configAdmin.createFactoryConfiguration("org.firewalldoors.region", "?");
        try {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("code", "US");
            props.put("modules", new String[] { "compliance", "handoff", "events" });
            props.put("policy", "us");
            region.update(props);
            await(() -> !decisionPoint.moduleEnabled("US", KolIntelligence.EXPORT_MODULE));
            HttpResponse<String> r = kol.export("rep.us", "", null);
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"MODULE_DISABLED\""), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
        } finally {
            region.delete();
            await(() -> decisionPoint.moduleEnabled("US", KolIntelligence.EXPORT_MODULE));
        }
    }

    @Test
    void x3AnEuHcpWhoObjectedToProfilingIsNeverExported() throws Exception {
        // The EU policy bundle's door excludes HCPs who objected to profiling (GDPR Art. 21).
        {
            assertEquals("eu", decisionPoint.activePolicy("EU").orElseThrow().id());
            String open = "hcp-" + run + "-eu-open";
            String objecting = "hcp-" + run + "-eu-objecting";
            kol.create("msl.eu", profile(open, ""));
            String id = kol.create("msl.eu", profile(objecting, "").replace("\"profilingObjection\": false",
                    "\"profilingObjection\": true")).get("id").getAsString();

            KolApi.Export export = KolApi.Export.of(kol.export("rep.eu", since(), null));
            assertEquals(Set.of(open), export.hcpIds());
            assertEquals("eu", export.trailer().get("policy").getAsString());
            assertFalse(export.lines().get(0).has("profilingObjection"));
            assertFalse(export.lines().get(0).has("mslNotes"));
            assertEquals(export.body(), KolApi.Export.of(kol.export("msl.eu", since(), null)).body());
            assertEquals(404, kol.api.send("GET", "/kols/" + id, "rep.eu", null).statusCode());
            assertEquals(200, kol.api.send("GET", "/kols/" + id, "msl.eu", null).statusCode());
            assertEquals(404, kol.api.send("GET", "/kols/" + id, "msl.us", null).statusCode(), "regions stay apart");
        }
    }

    @Test
    void x7TheShellCommandExportsAsTheUserThroughTheSameDoor() throws Exception {
        kol.create("msl.us", profile("hcp-" + run + "-shell", ""));
        Object command = command();
        Method export = command.getClass().getMethod("export", String.class, String.class, String.class);
        Path file = Files.createTempDirectory("kol").resolve("kol-us.ndjson");
        String said = (String) export.invoke(command, "rep.us", "US", file.toString());
        assertTrue(said.startsWith("exported "), said);
        String body = Files.readString(file);
        assertTrue(body.contains("hcp-" + run + "-shell"));
        assertFalse(body.contains("MSLNOTE"));
        String last = body.substring(body.lastIndexOf('\n', body.length() - 2) + 1);
        assertTrue(last.startsWith("{\"trailer\":"), last);
        assertTrue(audit.list(start, 10_000).stream().anyMatch(e -> "CROSSING".equals(e.event().outcome())
                && e.event().recordId() == null && e.event().message().endsWith("[SHELL]")));

        Path refused = file.resolveSibling("refused.ndjson");
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> export.invoke(command, "compliance.us", "US", refused.toString()));
        assertTrue(e.getCause() instanceof OperationRefusedException, e.getCause().toString());
        assertFalse(Files.exists(refused), "a refused export leaves no file");
    }

    private Object command() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=kol)(osgi.command.function=export))");
        assertNotNull(refs, "the kol:export command is registered");
        return context.getService(refs[0]);
    }

    private static void assertDenied(HttpResponse<String> r, String rule, String requirement) {
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"code\":\"FIREWALL_DENIED\""), r.body());
        assertTrue(r.body().contains("\"rule\":\"" + rule + "\""), r.body());
        assertTrue(r.body().contains("\"requirement\":\"" + requirement + "\""), r.body());
    }

    /** Waits for configuration to take effect, as ApiClient waits for a servlet. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the region configuration never took effect");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** An EU policy in the spirit of GDPR Art. 21: HCPs who objected to profiling stay out of the door. */
    private static String euKolPolicy() {
        return """
                {"id": "eu-kol-test", "version": "1.0.0", "region": "EU", "citation": "test: EFPIA Code; GDPR Art. 21",
                 "firewall": {"recordTypes": {"KolProfile": {"classification": "MEDICAL_ONLY", "requirement": "K3",
                   "citation": "test", "message": "KOL profiles are Medical Affairs' data."}}},
                 "doors": [{"id": "eu.k1.kol-intelligence", "requirement": "K1", "citation": "test",
                   "message": "KOL intelligence crosses, minus HCPs who objected to profiling.",
                   "recordType": "KolProfile", "direction": "MEDICAL_TO_COMMERCIAL", "actions": ["READ", "QUERY", "EXPORT"],
                   "fields": ["hcpId", "name", "scientificInterests", "dataGaps", "peers"],
                   "excludeWhen": [{"field": "profilingObjection", "equals": true}]}],
                 "rules": []}
                """;
    }
}
