package org.firewalldoors.itests;

import static org.firewalldoors.itests.Fixtures.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.firewalldoors.api.host.CrmRecord;
import org.firewalldoors.api.host.RecordStore;
import org.firewalldoors.api.host.UserDirectory;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** Outbound HCP communications (O4, O7) in both regions: flagged to the region's compliance officer, not blocked. */
class OutboundMessageTest {

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    RecordStore records;
    @InjectService
    UserDirectory users;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private String reviews(String officer) throws Exception {
        HttpResponse<String> r = new ApiClient(runtime, "/api/v1/reviews").send("GET", "/reviews?status=OPEN", officer, null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void o7UsARepPitchingAnMslVisitInsideAPromotionIsFlagged() throws Exception {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        CrmRecord pitch = records.create(caller(users, "rep.us"), "OutboundMessage", Map.of("hcpId", "hcp-5",
                "subject", "Your patients", "body", "Our drug is best-in-class, and OUR  MSL will visit to tell you why."));
        CrmRecord plain = records.create(caller(users, "rep.us"), "OutboundMessage", Map.of("hcpId", "hcp-5",
                "body", "Our MSL will visit to answer your question on renal dosing."));
        String body = reviews("compliance.us");
        assertTrue(body.contains(pitch.id()), body);
        assertTrue(body.contains("us.o7.msl-pitched-in-promotion"), body);
        assertFalse(body.contains(plain.id()), "an MSL visit offered without a promotional claim is fine: " + body);
    }

    @Test
    void o4O7EuTheSameRulesReadGermanAndFrench() throws Exception {
        assertEquals("eu", decisionPoint.activePolicy("EU").orElseThrow().id());
        CrmRecord claim = records.create(caller(users, "msl.eu"), "OutboundMessage", Map.of("hcpId", "hcp-eu-1",
                "body", "Die neuen Daten zeigen: unser Präparat ist wirksamer als jede Alternative."));
        CrmRecord pitch = records.create(caller(users, "rep.eu"), "OutboundMessage", Map.of("hcpId", "hcp-eu-2",
                "body", "Notre MSL vous rendra visite : c'est le premier choix pour vos patients."));
        String body = reviews("compliance.eu");
        assertTrue(body.contains(claim.id()) && body.contains("eu.o4.msl-promotional-claims"), body);
        assertTrue(body.contains(pitch.id()) && body.contains("eu.o7.msl-pitched-in-promotion"), body);
        assertFalse(reviews("compliance.us").contains(pitch.id()), "each region's officer sees their own queue");
    }
}
