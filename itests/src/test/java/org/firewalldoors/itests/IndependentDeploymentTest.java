package org.firewalldoors.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * Each door is deployable on its own: without the KOL bundle the hand-off door serves, without the hand-off
 * bundle the KOL door serves; without the compliance bundle neither serves and guarded records fail closed.
 */
class IndependentDeploymentTest {

    @InjectBundleContext
    BundleContext context;
    @InjectService
    ServiceAware<HttpServiceRuntime> runtime;

    private Bundle bundle(String name) {
        return Arrays.stream(context.getBundles()).filter(b -> ("org.firewalldoors." + name).equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + name));
    }

    private static String inquiry() {
        return "{\"hcpId\":\"hcp-" + UUID.randomUUID() + "\",\"hcpContact\":{\"email\":\"dr@example.org\"},"
                + "\"category\":\"MECHANISM_OF_ACTION\",\"question\":\"How does the metabolite work?\","
                + "\"product\":\"Cardiozan\",\"preferredContact\":{\"channel\":\"EMAIL\",\"window\":\"mornings\"},"
                + "\"unsolicited\":true}";
    }

    private static String profile() {
        return "{\"hcpId\":\"hcp-" + UUID.randomUUID() + "\",\"name\":\"Dr. Solo\",\"scientificInterests\":[\"lipids\"]}";
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }

    @Test
    void eachDoorServesWithoutTheOtherAndNeitherWithoutCompliance() throws Exception {
        Bundle kol = bundle("kol");
        Bundle handoff = bundle("handoff");
        Bundle compliance = bundle("compliance");

        kol.stop();
        try {
            ApiClient api = new ApiClient(runtime, "/api/v1/handoffs");
            assertEquals(201, status(api.send("POST", "/handoffs", "rep.us", inquiry())), "hand-off without KOL");
            assertEquals(404, status(api.send("POST", "/kols", "msl.us", profile())));
        } finally {
            kol.start();
        }

        handoff.stop();
        try {
            ApiClient api = new ApiClient(runtime, "/api/v1/kols");
            assertEquals(201, status(api.send("POST", "/kols", "msl.us", profile())), "KOL without hand-off");
            assertEquals(404, status(api.send("POST", "/handoffs", "rep.us", inquiry())));
        } finally {
            handoff.start();
        }

        compliance.stop();
        try {
            ApiClient api = new ApiClient(runtime, "/api/v1/records/*");
            assertEquals(404, status(api.send("POST", "/handoffs", "rep.us", inquiry())), "no hand-off without compliance");
            assertEquals(404, status(api.send("POST", "/kols", "msl.us", profile())), "no KOL door without compliance");
            assertEquals(503, status(api.send("POST", "/records/CallReport", "msl.us", "{\"notes\":\"x\"}")));
        } finally {
            compliance.start();
        }
        ApiClient api = new ApiClient(runtime, "/api/v1/handoffs");
        new ApiClient(runtime, "/api/v1/kols");
        assertEquals(201, status(api.send("POST", "/kols", "msl.us", profile())), "all back");
    }
}
