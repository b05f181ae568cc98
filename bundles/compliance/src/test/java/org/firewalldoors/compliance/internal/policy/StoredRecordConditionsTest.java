package org.firewalldoors.compliance.internal.policy;

import static org.firewalldoors.compliance.internal.policy.Ops.ACCOUNT_PLAN;
import static org.firewalldoors.compliance.internal.policy.Ops.COMPLIANCE;
import static org.firewalldoors.compliance.internal.policy.Ops.MEETING;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL;
import static org.firewalldoors.compliance.internal.policy.Ops.MSL_DIR;
import static org.firewalldoors.compliance.internal.policy.Ops.REP;
import static org.firewalldoors.compliance.internal.policy.Ops.create;
import static org.firewalldoors.compliance.internal.policy.Ops.on;
import static org.firewalldoors.compliance.internal.policy.Ops.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.Decision;
import org.junit.jupiter.api.Test;

/**
 * The language's conditions on the stored record and the actor (G6: {@code stored}, {@code namesActor},
 * {@code notRoles}), and what {@code "*"} reads: field names and object keys as words, list items as one text,
 * and with {@code changed} only what the write sets or changes (A3).
 */
class StoredRecordConditionsTest {

    private final PolicyEngine engine = new PolicyEngine(id -> Optional.empty());

    private static CompiledPolicy policy(String when) throws PolicyException {
        return PolicyCompiler.compile("t.json", """
                {"id": "t", "version": "1", "region": "US", "termLists": {"t": ["call plan", "market share"]},
                 "firewall": {"recordTypes": {"AccountPlan": {"classification": "SHARED", "otherFields": "SHARED"},
                   "Meeting": {"classification": "SHARED"}}},
                 "rules": [{"id": "r", "requirement": "G6", "citation": "c", "message": "No.", "effect": "BLOCK",
                 "when": %s}]}""".formatted(when), "test");
    }

    private static String refusal(String when) {
        return assertThrows(PolicyException.class, () -> policy(when)).getMessage();
    }

    private Decision update(CompiledPolicy p, Map<String, Object> stored, Map<String, Object> changes) {
        CrmRecord before = record(MEETING, MSL_DIR, stored);
        Map<String, Object> after = new LinkedHashMap<>(stored);
        after.putAll(changes);
        return engine.decide(p, on(COMPLIANCE, Action.UPDATE, before, MSL_DIR, after));
    }

    @Test
    void storedReadsTheRecordAsItWasBeforeTheWrite() throws Exception {
        CompiledPolicy p = policy("""
                {"fields": [{"field": "attendees", "stored": true, "namesActor": false}]}""");
        assertTrue(update(p, Map.of("attendees", List.of("msldir.us")), Map.of("attendees",
                List.of("msldir.us", "compliance.us"))).blocked(), "added in this very write");
        assertFalse(update(p, Map.of("attendees", List.of("msldir.us", "compliance.us")), Map.of("title", "t")).blocked());
        assertTrue(engine.decide(p, create(COMPLIANCE, MEETING, Map.of("attendees", List.of("compliance.us"))))
                .blocked(), "a create has no stored record");
        CompiledPolicy present = policy("""
                {"fields": [{"field": "title", "stored": true, "equals": "old"}]}""");
        assertTrue(update(present, Map.of("title", "old"), Map.of("title", "new")).blocked());
        assertFalse(update(present, Map.of("title", "new"), Map.of("title", "old")).blocked());
    }

    @Test
    void namesActorAndNotRolesAskAboutTheActor() throws Exception {
        CompiledPolicy names = policy("""
                {"fields": [{"field": "chair", "namesActor": true}]}""");
        assertTrue(engine.decide(names, create(COMPLIANCE, MEETING, Map.of("chair", "compliance.us"))).blocked());
        assertFalse(engine.decide(names, create(COMPLIANCE, MEETING, Map.of("chair", "msldir.us"))).blocked());
        CompiledPolicy notRoles = policy("""
                {"actor": {"notRoles": ["COMPLIANCE_OFFICER"], "notFunctions": ["LEGAL"]}}""");
        assertFalse(engine.decide(notRoles, create(COMPLIANCE, MEETING, Map.of())).blocked());
        assertTrue(engine.decide(notRoles, create(MSL_DIR, MEETING, Map.of())).blocked());
    }

    @Test
    void allTextReadsNamesAndKeysAsWordsAndListItemsAsOneText() throws Exception {
        CompiledPolicy p = policy("""
                {"fields": [{"field": "*", "terms": "t"}]}""");
        Decision name = engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("accountId", "a", "MSLCallPlan", 1)));
        assertEquals(List.of("CallPlan"), name.refusal().offending(), "quoted as written");
        Decision key = engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("tier", Map.of("call_plan", 1))));
        assertEquals(List.of("call_plan"), key.refusal().offending());
        Decision items = engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("tier", List.of("market", "share"))));
        assertEquals(List.of("market share"), items.refusal().offending());
        assertFalse(engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("tier", List.of(Map.of("a", "market"),
                Map.of("b", "share"))))).blocked(), "the texts of different objects are not joined");
        assertEquals(List.of("CallPlan"), engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("q3CallPlanDraft", 1)))
                .refusal().offending(), "a phrase inside a longer name");
        assertFalse(engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("recallPlanned", 1))).blocked(),
                "words start where the case changes, not inside a word");
    }

    @Test
    void allTextChangedReadsOnlyWhatTheWriteSetsOrChanges() throws Exception {
        CompiledPolicy p = policy("""
                {"fields": [{"field": "*", "changed": true, "terms": "t"}]}""");
        CrmRecord stored = record(ACCOUNT_PLAN, MSL, Map.of("accountId", "a", "mslCallPlan", "monthly"));
        Map<String, Object> after = new LinkedHashMap<>(stored.fields());
        after.put("commercialObjective", "formulary");
        assertFalse(engine.decide(p, on(REP, Action.UPDATE, stored, MSL, after)).blocked(), "stored by someone else");
        after.put("notes", "new call plan");
        assertEquals(List.of("call plan"), engine.decide(p, on(REP, Action.UPDATE, stored, MSL, after)).refusal()
                .offending());
        assertTrue(engine.decide(p, create(REP, ACCOUNT_PLAN, Map.of("callPlan", "x"))).blocked(), "a create sets all");
    }

    @Test
    void theNewConditionsAreValidated() {
        assertTrue(refusal("""
                {"fields": [{"field": "*", "stored": true, "present": true}]}""").contains("'stored'"));
        assertTrue(refusal("""
                {"fields": [{"field": "title", "stored": true, "terms": "t"}]}""").contains("'stored'"));
        assertTrue(refusal("""
                {"fields": [{"field": "title", "stored": true, "changed": true}]}""").contains("'stored'"));
        assertTrue(refusal("""
                {"fields": [{"field": "*", "namesActor": true}]}""").contains("'namesActor'"));
        assertTrue(refusal("""
                {"fields": [{"field": "title", "stored": true}]}""").contains("checks nothing"));
        assertTrue(refusal("""
                {"actor": {"roles": ["REP"], "notRoles": ["REP"]}}""").contains("notRoles"));
        assertTrue(refusal("""
                {"actor": {"notFunctions": ["SALES"]}}""").contains("unknown function 'SALES'"));
    }
}
