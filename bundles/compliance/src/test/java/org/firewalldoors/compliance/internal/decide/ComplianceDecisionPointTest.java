package org.firewalldoors.compliance.internal.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firewalldoors.api.host.Action;
import org.firewalldoors.api.host.BusinessFunction;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.Classification;
import org.firewalldoors.api.host.Decision;
import org.firewalldoors.api.host.Operation;
import org.firewalldoors.api.host.Principal;
import org.firewalldoors.api.host.RecordTypeDescriptor;
import org.firewalldoors.api.host.RefusalKind;
import org.firewalldoors.api.host.UserDirectory;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.region.RegionSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplianceDecisionPointTest {

    private static final RecordTypeDescriptor GUARDED = new RecordTypeDescriptor("Task", Map.of(), true, true,
            Classification.SHARED);
    private static final RecordTypeDescriptor OPEN = new RecordTypeDescriptor("Account", Map.of(), false, true,
            Classification.SHARED);

    private PolicyRegistry registry;
    private ComplianceDecisionPoint point;
    private CompiledPolicy us;

    @BeforeEach
    void setUp() throws Exception {
        registry = mock(PolicyRegistry.class);
        UserDirectory users = mock(UserDirectory.class);
        when(users.find(anyString())).thenReturn(Optional.empty());
        point = new ComplianceDecisionPoint(users);
        point.registry = registry;
        us = PolicyCompiler.compile("us.json",
                Files.readString(Path.of("../policy-us/src/main/resources/policy/us.json")), "test");
        when(registry.policy(anyString())).thenReturn(Optional.empty());
        when(registry.policyForRegion(anyString())).thenReturn(Optional.empty());
    }

    private static Operation op(Principal actor, RecordTypeDescriptor type) {
        return new Operation(Caller.java(actor), Action.CREATE, type, "r", null, Map.of(), List.of(), actor.region());
    }

    private static Principal user(BusinessFunction f, String region) {
        return new Principal("u", f, "ROLE", region, null);
    }

    @Test
    void withoutAPolicyGuardedOperationsFailClosedAndOthersPass() {
        Decision d = point.decide(op(user(BusinessFunction.MEDICAL, "US"), GUARDED));
        assertEquals(RefusalKind.POLICY_UNAVAILABLE, d.refusal().kind());
        assertEquals("X5", d.refusal().requirement());
        assertFalse(point.decide(op(user(BusinessFunction.MEDICAL, "US"), OPEN)).blocked());
    }

    @Test
    void administratorsAreRefusedWhateverTheRegion() {
        Decision d = point.decide(op(user(BusinessFunction.ADMIN, "GLOBAL"), OPEN));
        assertEquals(RefusalKind.FORBIDDEN, d.refusal().kind());
        assertEquals("F1", d.refusal().requirement());
    }

    @Test
    void theRegionConfigurationChoosesThePolicy() {
        when(registry.policy("us")).thenReturn(Optional.of(us));
        point.regions = List.of(new RegionSettings("ca", List.of("compliance,handoff"), "us"));
        assertEquals(List.of("compliance", "handoff"), point.region("CA").orElseThrow().modules());
        assertTrue(point.moduleEnabled("CA", "handoff"));
        assertFalse(point.moduleEnabled("CA", "kol-export"));
        assertTrue(point.moduleEnabled("US", "kol-export"), "a region without configuration has every module");
        Decision d = point.decide(op(user(BusinessFunction.MEDICAL, "CA"), GUARDED));
        assertFalse(d.blocked());
        assertEquals("us", d.policyId());
        assertTrue(point.decide(op(user(BusinessFunction.MEDICAL, "US"), GUARDED)).blocked(),
                "US has neither configuration nor a policy in this test");
        when(registry.policyForRegion("US")).thenReturn(Optional.of(us));
        assertEquals("1.0.0", point.activePolicy("US").orElseThrow().version());
    }

    @Test
    void aRegionWithTheEventsModuleOffRefusesItsEducationEventsAndNoOtherRecordsOrRegions() {
        RecordTypeDescriptor event = new RecordTypeDescriptor("MedicalEducationEvent", Map.of(), true, true,
                Classification.SHARED);
        when(registry.policy("us")).thenReturn(Optional.of(us));
        RegionSettings usSettings = new RegionSettings("US", List.of("compliance", "handoff", "kol-export"), "us");
        point.regions = List.of(usSettings, new RegionSettings("CA", List.of("compliance", "events"), "us"));
        Decision off = point.decide(op(user(BusinessFunction.MEDICAL, "US"), event));
        assertEquals(RefusalKind.MODULE_DISABLED, off.refusal().kind());
        assertEquals(ComplianceDecisionPoint.EVENTS_DISABLED, off.refusal().ruleId());
        assertTrue(off.refusal().message().contains("region US"), off.refusal().message());
        assertFalse(point.decide(op(user(BusinessFunction.MEDICAL, "US"), GUARDED)).blocked(),
                "other records of the region are decided by its policy");
        Decision ca = point.decide(op(user(BusinessFunction.MEDICAL, "CA"), event));
        assertFalse(ca.refusal() != null && ca.refusal().kind() == RefusalKind.MODULE_DISABLED,
                "a region with the module on is untouched");
    }
}
