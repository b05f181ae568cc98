package org.firewalldoors.compliance.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.FieldSpec;
import org.firewalldoors.api.host.FieldType;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RelatedPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The compiled door plan of a KOL export (P5) scans a profile for the door's {@code redactTerms} lists only, and
 * still withholds exactly the fields the full decision withholds: also when that list is matched in leetspeak, has
 * proximity phrases and has exceptions (a clinical sense that cancels a match), in strings, lists, nested objects
 * and their keys. Where the plan cannot settle the door once (a reader of the record's own side, a rule that may
 * apply to the reader), it asks the engine for each record, with the same answers.
 */
class CompiledDoorPlanTest {

    private static final List<String> FIELDS = List.of("hcpId", "name", "specialty", "institution",
            "scientificInterests", "dataGaps", "publications", "trialRoles", "peers", "profilingObjection",
            "mslNotes", "lastVisit", "visitCount", "tier", "tierReasons", "region");
    private static final RecordTypeDescriptor KOL_PROFILE;
    static {
        Map<String, FieldSpec> fields = new HashMap<>();
        FIELDS.forEach(f -> fields.put(f, new FieldSpec(FieldType.ANY, Classification.MEDICAL_ONLY, false)));
        KOL_PROFILE = new RecordTypeDescriptor("KolProfile", fields, true, false, Classification.MEDICAL_ONLY);
    }
    private static final List<String> TEXTS = List.of("HFpEF outcomes", "immuno-oncology", "visited monthly",
            "v1s1t3d m0nthly", "visit frequency: every 2 weeks", "visits, roughly, every month", "every month",
            "visited Professor Lee's lab", "visited professor", "market share", "KRAS G12C trial design", "",
            "we met with her twice", "m3t w1th her", "calls per month", "call plan", "Visits per quarter: 4",
            "every other week", "ldl c target", "seen twice in clinic");
    private static final Principal MSL = new Principal("msl", BusinessFunction.MEDICAL, "MSL", "US", null);
    private static final Principal VIEWER = new Principal("viewer", BusinessFunction.COMMERCIAL, "DOOR", "US", null);

    @Test
    void withholdsWhatTheFullDecisionWithholdsWhenTheListHasLeetspeakProximityAndExceptions() throws Exception {
        JsonObject doc = new Gson().fromJson(Files.readString(Path.of("../policy-us/src/main/resources/policy/us.json")),
                JsonObject.class);
        JsonArray visits = doc.getAsJsonObject("termLists").getAsJsonArray("visit-patterns");
        visits.add("visit* ~3 month*");
        visits.add("every month");
        JsonArray exceptions = new JsonArray();
        exceptions.add("visited professor*");
        doc.getAsJsonObject("exceptions").add("visit-patterns", exceptions);
        doc.getAsJsonArray("leetspeak").add("visit-patterns");
        CompiledPolicy policy = PolicyCompiler.compile("us.json", new Gson().toJson(doc), "test");
        PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

        CompiledDoorPlan plan = CompiledDoorPlan.of(policy, engine, export(VIEWER));
        assertTrue(plan.compiled(), "the KOL door of the US policy is settled once per export");
        Random random = new Random(15);
        int withheld = 0;
        for (int i = 0; i < 600; i++) {
            Operation op = export(VIEWER, profile(random, i));
            Decision full = engine.decide(policy, op);
            assertEquals(full, plan.decide(op), "profile " + i + " " + op.before().fields());
            withheld += full.findings().stream().anyMatch(f -> f.message().contains("their text")) ? 1 : 0;
        }
        assertTrue(withheld > 100 && withheld < 550, "withheld for their text: " + withheld);
    }

    @Test
    void asksTheEngineForEachRecordWhereTheDoorDependsOnTheRecord() throws Exception {
        CompiledPolicy policy = PolicyCompiler.compile("us.json",
                Files.readString(Path.of("../policy-us/src/main/resources/policy/us.json")), "test");
        PolicyEngine engine = new PolicyEngine(id -> Optional.empty());
        // An MSL reads profiles of its own side: no door, the firewall's field rules decide.
        CompiledDoorPlan own = CompiledDoorPlan.of(policy, engine, export(MSL));
        assertFalse(own.compiled());
        Random random = new Random(16);
        for (int i = 0; i < 50; i++) {
            Operation op = export(MSL, profile(random, i));
            assertEquals(engine.decide(policy, op), own.decide(op));
        }
    }

    private static Operation export(Principal reader) {
        return export(reader, Map.of());
    }

    private static Operation export(Principal reader, Map<String, Object> fields) {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        CrmRecord r = new CrmRecord("KolProfile", "p", fields, MSL.id(), "US", 1, now, now);
        return new Operation(Caller.java(reader), Action.EXPORT, KOL_PROFILE, r.id(), r, Map.of(),
                List.of(new RelatedPrincipal(RelatedPrincipal.OWNER, MSL)), "US");
    }

    private static Map<String, Object> profile(Random random, int i) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String name : FIELDS) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            switch (name) {
                case "profilingObjection" -> f.put(name, random.nextBoolean());
                case "visitCount", "tier" -> f.put(name, (double) random.nextInt(5));
                case "peers" -> f.put(name, List.of(Map.of("hcpId", "hcp-" + i, "relation", text(random)),
                        Map.of(text(random), random.nextInt(3))));
                case "scientificInterests", "dataGaps", "publications", "trialRoles", "tierReasons" -> {
                    List<Object> items = new ArrayList<>();
                    for (int k = random.nextInt(3); k >= 0; k--) {
                        items.add(random.nextInt(8) == 0 ? (Object) 3.0 : text(random));
                    }
                    f.put(name, items);
                }
                case "region" -> f.put(name, "US");
                default -> f.put(name, text(random));
            }
        }
        return f;
    }

    private static String text(Random random) {
        return random.nextInt(3) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : TEXTS.get(random.nextInt(2));
    }
}
