package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.firewalldoors.api.compliance.DecisionPoint;
import org.junit.jupiter.api.Test;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * The classifier tier end to end (issue 15): a text the rules let through but the US classifier scores as commercial
 * is saved, opens a review item quoting its top features, and the officer's label exports as a training row.
 */
class ClassifierReviewTest {

    @InjectService(timeout = 30_000)
    DecisionPoint decisionPoint;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    @Test
    void aFlaggedTextIsSavedReviewedLabelledAndExported() throws Exception {
        assertEquals("us", decisionPoint.activePolicy("US").orElseThrow().id());
        new ApiClient(runtime, "/api/v1/kols");
        ApiClient api = new ApiClient(runtime, "/api/v1/reviews");
        String hcp = "hcp-cls-" + UUID.randomUUID();
        HttpResponse<String> saved = api.send("POST", "/kols", "msl.us", "{\"hcpId\":\"" + hcp + "\","
                + "\"name\":\"Dr. Classifier\",\"scientificInterests\":[\"He is a priority account for our brand plan\"]}");
        assertEquals(201, saved.statusCode(), "a classifier never blocks: " + saved.body());
        String recordId = JsonParser.parseString(saved.body()).getAsJsonObject().get("id").getAsString();

        HttpResponse<String> open = api.send("GET", "/reviews?status=OPEN", "compliance.us", null);
        assertEquals(200, open.statusCode());
        JsonObject item = null;
        for (JsonElement e : JsonParser.parseString(open.body()).getAsJsonObject().getAsJsonArray("reviews")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("rule").getAsString().equals("us.classifier.commercial-context")
                    && recordId.equals(o.get("recordId").getAsString())) {
                item = o;
            }
        }
        assertTrue(item != null, "a review item for " + recordId + " in " + open.body());
        assertTrue(item.get("message").getAsString().contains("Top features: \""), item.toString());
        assertEquals("He is a priority account for our brand plan", item.get("excerpt").getAsString());
        String id = item.get("id").getAsString();

        String label = "{\"label\":\"commercial\"}";
        assertEquals(403, api.send("POST", "/reviews/" + id + "/label", "rep.us", label).statusCode());
        assertEquals(404, api.send("POST", "/reviews/" + id + "/label", "compliance.eu", label).statusCode());
        assertEquals(400, api.send("POST", "/reviews/" + id + "/label", "compliance.us", "{\"label\":\"maybe\"}")
                .statusCode());
        HttpResponse<String> labelled = api.send("POST", "/reviews/" + id + "/label", "compliance.us", label);
        assertEquals(200, labelled.statusCode(), labelled.body());

        HttpResponse<String> rows = api.send("GET", "/reviews/training-rows", "compliance.us", null);
        assertEquals(200, rows.statusCode());
        JsonObject row = null;
        for (String line : rows.body().split("\n")) {
            if (line.contains(id)) {
                row = JsonParser.parseString(line).getAsJsonObject();
            }
        }
        assertTrue(row != null, rows.body());
        assertEquals("He is a priority account for our brand plan", row.get("text").getAsString());
        assertEquals("commercial", row.get("label").getAsString());
        assertEquals("kol.field", row.get("context").getAsString());
        assertEquals("[\"K4\"]", row.get("expect").toString());
        assertEquals("train", row.get("split").getAsString());
        assertEquals(403, api.send("GET", "/reviews/training-rows", "msl.us", null).statusCode());
        assertTrue(!api.send("GET", "/reviews/training-rows", "compliance.eu", null).body().contains(id));
    }
}
