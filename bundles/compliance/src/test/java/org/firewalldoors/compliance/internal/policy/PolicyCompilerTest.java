package org.firewalldoors.compliance.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

    static String usPolicy() throws Exception {
        return Files.readString(Path.of("../policy-us/src/main/resources/policy/us.json"));
    }

    private static final String GOOD_RULE = """
            {"id": "r1", "requirement": "H2", "citation": "c", "message": "m", "effect": "BLOCK",
             "when": {"actions": ["CREATE"], "fields": [{"field": "notes", "terms": "t"}]}}""";

    private static String policy(String rules) {
        return """
                {"id": "p", "version": "1", "region": "US", "citation": "c",
                 "termLists": {"t": ["market share"]}, "rules": [%s]}""".formatted(rules);
    }

    private static String refusal(String json) {
        return assertThrows(PolicyException.class, () -> PolicyCompiler.compile("doc.json", json, "test")).getMessage();
    }

    @Test
    void theShippedUsPolicyCompiles() throws Exception {
        CompiledPolicy p = PolicyCompiler.compile("policy/us.json", usPolicy(), "test");
        assertEquals("us", p.id());
        assertEquals("US", p.region());
        assertTrue(p.size() >= 8, "rules and doors: " + p.size());
    }

    @Test
    void aValidPolicyCompiles() throws Exception {
        assertEquals(1, PolicyCompiler.compile("doc.json", policy(GOOD_RULE), "test").size());
    }

    @Test
    void refusalsNameTheDocumentTheRuleAndTheProblem() {
        assertEquals("doc.json: rule r1: 'requirement' must be a requirement id such as H2",
                refusal(policy(GOOD_RULE.replace("\"requirement\": \"H2\", ", ""))));
        assertEquals("doc.json: rule r1: unknown term list 'nope'", refusal(policy(GOOD_RULE.replace("\"t\"}", "\"nope\"}"))));
        assertEquals("doc.json: rule r1: 'effect' must be BLOCK, FLAG or ROUTE_TO_SAFETY",
                refusal(policy(GOOD_RULE.replace("BLOCK", "MAYBE"))));
        assertEquals("doc.json: rule r1: unknown action 'PRINT'", refusal(policy(GOOD_RULE.replace("CREATE", "PRINT"))));
        assertEquals("doc.json: rule r1: 'citation' is missing",
                refusal(policy(GOOD_RULE.replace("\"citation\": \"c\", ", ""))));
        assertEquals("doc.json: rule r1: id used twice", refusal(policy(GOOD_RULE + "," + GOOD_RULE)));
        assertEquals("doc.json: rule r1: 'when' is missing: a rule must say when it applies",
                refusal(policy(GOOD_RULE.replaceAll(",\\s*\"when\".*}}$", "}"))));
        assertTrue(refusal("{not json").startsWith("doc.json: document: not valid JSON"));
        assertEquals("doc.json: policy: 'region' must be an upper-case region code",
                refusal(policy(GOOD_RULE).replace("\"US\"", "\"us\"")));
    }

    @Test
    void aDoorMustSayWhatMayCrossAndWhichWay() {
        String door = """
                {"id": "p", "version": "1", "region": "US", "doors": [{"id": "d1", "requirement": "K1", "citation": "c",
                 "message": "m", "recordType": "KolProfile", "direction": "%s", "actions": ["READ"], "fields": %s}]}""";
        assertEquals("doc.json: door d1: 'direction' must be MEDICAL_TO_COMMERCIAL or COMMERCIAL_TO_MEDICAL",
                refusal(door.formatted("SIDEWAYS", "[\"name\"]")));
        assertEquals("doc.json: door d1: 'fields' must name what may cross",
                refusal(door.formatted("MEDICAL_TO_COMMERCIAL", "[]")));
    }

    @Test
    void aDoorsExclusionsAndRedactionsAreCheckedLikeRules() throws Exception {
        String door = """
                {"id": "p", "version": "1", "region": "EU", "termLists": {"visits": ["visited"]},
                 "doors": [{"id": "d1", "requirement": "K1", "citation": "c", "message": "m", "recordType": "KolProfile",
                 "direction": "MEDICAL_TO_COMMERCIAL", "actions": ["EXPORT"], "fields": ["name"], %s}]}""";
        assertEquals(1, PolicyCompiler.compile("doc.json", door.formatted(
                "\"excludeWhen\": [{\"field\": \"profilingObjection\", \"equals\": true}], \"redactTerms\": [\"visits\"]"),
                "test").size());
        assertEquals("doc.json: door d1: unknown term list 'calls' in 'redactTerms'",
                refusal(door.formatted("\"redactTerms\": [\"calls\"]")));
        assertEquals("doc.json: door d1: excludeWhen: field condition on 'profilingObjection' checks nothing",
                refusal(door.formatted("\"excludeWhen\": [{\"field\": \"profilingObjection\"}]")));
        assertEquals("doc.json: door d1: excludeWhen: unknown term list 'calls'",
                refusal(door.formatted("\"excludeWhen\": [{\"field\": \"*\", \"terms\": \"calls\"}]")));
    }
}
