package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.Caller;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.OperationRefusedException;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Door 1, territory and account planning (A1, A3), under the US policy. */
class AccountPlanningTest {

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private Caller rep;
    private Caller msl;

    @BeforeEach
    void setUp() {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        rep = caller(users, "rep.us");
        msl = caller(users, "msl.us");
    }

    @Test
    void a1BothSidesSeeTheSharedAccountListAndItsTiers() {
        String name = "Heart Institute " + UUID.randomUUID();
        CrmRecord account = records.create(rep, "Account", Map.of("name", name, "kind", "HEALTH_SYSTEM", "tier", 1));
        assertEquals(1, records.query(msl, "Account", Map.of("name", name)).size(), "MEDICAL sees the rep's account");

        CrmRecord plan = records.create(msl, "AccountPlan", Map.of("accountId", account.id(),
                "clinicalInfluenceTier", "A", "medicalObjective", "registry data in HFpEF"));
        records.update(rep, "AccountPlan", plan.id(), Map.of("commercialImportanceTier", "B",
                "commercialObjective", "detail the approved label"), 0);

        CrmRecord seenByRep = records.read(rep, "AccountPlan", plan.id()).orElseThrow();
        CrmRecord seenByMsl = records.read(msl, "AccountPlan", plan.id()).orElseThrow();
        for (CrmRecord seen : List.of(seenByRep, seenByMsl)) {
            assertEquals("A", seen.field("clinicalInfluenceTier"));
            assertEquals("B", seen.field("commercialImportanceTier"));
        }
        assertFalse(seenByRep.fields().containsKey("medicalObjective"), "A2: objectives stay separate");
        assertFalse(seenByMsl.fields().containsKey("commercialObjective"), "A2: objectives stay separate");
    }

    @Test
    void a3CommercialCannotSetAnMslsVisitPriorityOrTargetListAndIsEscalated() throws Exception {
        CrmRecord plan = records.create(msl, "AccountPlan", Map.of("accountId", "acc-" + UUID.randomUUID(),
                "mslVisitPriority", "HIGH", "mslTargetList", List.of("hcp-1")));
        OperationRefusedException priority = assertThrows(OperationRefusedException.class, () -> records.update(rep,
                "AccountPlan", plan.id(), Map.of("mslVisitPriority", "LOW"), 0));
        assertEquals("us.a3.commercial-sets-msl-visit-priority", priority.refusal().ruleId());
        assertEquals("A3", priority.refusal().requirement());
        OperationRefusedException targets = assertThrows(OperationRefusedException.class, () -> records.create(rep,
                "AccountPlan", Map.of("accountId", "acc-" + UUID.randomUUID(), "mslTargetList", List.of("hcp-top-1"))));
        assertEquals("us.a3.commercial-sets-msl-target-list", targets.refusal().ruleId());

        CrmRecord seenByRep = records.read(rep, "AccountPlan", plan.id()).orElseThrow();
        assertFalse(seenByRep.fields().containsKey("mslVisitPriority"));
        assertFalse(seenByRep.fields().containsKey("mslTargetList"));
        records.update(rep, "AccountPlan", plan.id(), Map.of("commercialObjective", "detail"), 0);
        assertEquals("HIGH", records.read(msl, "AccountPlan", plan.id()).orElseThrow().field("mslVisitPriority"),
                "a rep's own change leaves the MSL's fields as they were");
        records.update(msl, "AccountPlan", plan.id(), Map.of("mslVisitPriority", "MEDIUM"), 0);

        ApiClient api = new ApiClient(runtime, "/api/v1/escalations");
        HttpResponse<String> escalations = api.send("GET", "/escalations", "compliance.us", null);
        assertTrue(escalations.body().contains("us.a3.commercial-sets-msl-visit-priority"), escalations.body());
        assertTrue(escalations.body().contains("us.a3.commercial-sets-msl-target-list"), escalations.body());

        HttpResponse<String> overHttp = api.send("PUT", "/records/AccountPlan/" + plan.id(), "rep.us",
                "{\"mslTargetList\": [\"hcp-2\"]}");
        assertEquals(403, overHttp.statusCode(), overHttp.body());
        assertTrue(overHttp.body().contains("\"rule\":\"us.a3.commercial-sets-msl-target-list\""), overHttp.body());
        assertTrue(overHttp.body().contains("\"requirement\":\"A3\""), overHttp.body());
    }
}
